//! The till's stream split at its cuts, so the loyalty block goes in just before each one and
//! every other byte passes on in order.

use crate::devices::codepage::CodePage;
use crate::devices::interpret::{Interpreter, Page};
use std::collections::VecDeque;

/// The till's stream, split at cuts so a block can go in before each one.
pub struct Splice {
    interp: Interpreter,
    /// Bytes received and not yet passed on: stream offsets `sent .. total`.
    unsent: VecDeque<u8>,
    sent: u64,
    total: u64,
    /// Bytes inserted so far: output offset = input offset + inserted.
    inserted: u64,
    /// Output offsets just after each cut not yet acknowledged by [`Splice::cuts_upto`].
    cut_outs: VecDeque<u64>,
}

impl Splice {
    /// A stream whose text is in `code_page` until it says otherwise.
    pub fn new(code_page: CodePage) -> Splice {
        Splice {
            // Width only matters for drawing, which plug-in mode does not look at.
            interp: Interpreter::new(576, 48).with_code_page(code_page),
            unsent: VecDeque::new(),
            sent: 0,
            total: 0,
            inserted: 0,
            cut_outs: VecDeque::new(),
        }
    }

    /// The output offset just after the last cut at or before output offset `upto`, if any
    /// cut ended there since the last call.
    pub fn last_cut_upto(&mut self, upto: u64) -> Option<u64> {
        let mut last = None;
        while let Some(&c) = self.cut_outs.front() {
            if c > upto {
                break;
            }
            last = Some(c);
            self.cut_outs.pop_front();
        }
        last
    }

    fn take_to(&mut self, offset: u64, out: &mut Vec<u8>) {
        let n = offset.saturating_sub(self.sent) as usize;
        out.extend(self.unsent.drain(..n.min(self.unsent.len())));
        self.sent += n as u64;
    }

    /// Takes the till's bytes and returns what to send to the printer now. `at_cut` is asked,
    /// for each receipt that ends in these bytes, for a block to insert before its cut.
    pub fn push(
        &mut self,
        bytes: &[u8],
        at_cut: &mut dyn FnMut(&Page) -> Option<Vec<u8>>,
    ) -> Vec<u8> {
        self.unsent.extend(bytes);
        self.total += bytes.len() as u64;
        let cuts = self.interp.feed_marking_cuts(bytes);
        self.interp.replies.clear();
        self.interp.notes.clear();
        let mut out = Vec::with_capacity(bytes.len());
        for cut in cuts {
            if cut.start < self.sent {
                // Its first bytes already went on (held too long): nothing can go before it.
                continue;
            }
            self.take_to(cut.start, &mut out);
            if let Some(page) = &cut.page
                && let Some(block) = at_cut(page)
            {
                out.extend_from_slice(&block);
                out.extend_from_slice(&cut.restore);
                self.inserted += (block.len() + cut.restore.len()) as u64;
            }
            self.cut_outs.push_back(cut.end + self.inserted);
        }
        let hold = if self.interp.pending_could_be_cut() {
            self.interp.pending_len() as u64
        } else {
            0
        };
        self.take_to(self.total - hold, &mut out);
        out
    }

    /// Whether bytes are held back (the start of what may be a cut).
    pub fn holding(&self) -> bool {
        self.sent < self.total
    }

    /// Lets held bytes go (nothing more came): they are passed on unchanged.
    pub fn release(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        self.take_to(self.total, &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn till_receipt(no: u32, total: &str) -> Vec<u8> {
        let mut r = b"\x1b@\x1ba\x01SHOP\n\x1ba\x00".to_vec();
        r.extend(format!("Receipt No: {no}\nTea        {total}\nTOTAL      {total}\n").as_bytes());
        r.extend(b"\x1bd\x03\x1dV\x42\x00");
        r
    }

    fn all_at_once(splice: &mut Splice, bytes: &[u8], block: &[u8]) -> Vec<u8> {
        splice.push(bytes, &mut |_| Some(block.to_vec()))
    }

    #[test]
    fn without_a_block_every_byte_passes_in_order_whatever_the_chunks() {
        let mut stream = till_receipt(1, "3.40");
        stream.extend(b"\x10\x04\x01garbage \xff\xfe\x1b\x1d(k\x03");
        stream.extend(till_receipt(2, "1.00"));
        for chunk in [1, 2, 3, 7, 64, 4096] {
            let mut s = Splice::new(CodePage::Cp437);
            let mut out = Vec::new();
            for c in stream.chunks(chunk) {
                out.extend(s.push(c, &mut |_| None));
            }
            out.extend(s.release());
            assert_eq!(out, stream, "chunks of {chunk}");
        }
    }

    #[test]
    fn the_block_goes_just_before_each_cut_even_when_the_cut_is_split() {
        let block = b"<LOYALTY>".to_vec();
        let r1 = till_receipt(1, "3.40");
        let cut_at = r1.len() - 4;
        for chunk in [1, 2, 5, 4096] {
            let mut s = Splice::new(CodePage::Cp437);
            let mut out = Vec::new();
            let mut seen = Vec::new();
            for c in r1.chunks(chunk) {
                out.extend(s.push(c, &mut |p| {
                    seen.push(p.text.clone());
                    Some(block.clone())
                }));
            }
            assert!(!s.holding());
            let mut expected = r1[..cut_at].to_vec();
            expected.extend(&block);
            let restore_start = expected.len();
            expected.extend(&r1[cut_at..]);
            assert_eq!(
                &out[..restore_start],
                &expected[..restore_start],
                "chunks of {chunk}"
            );
            assert!(out.ends_with(&r1[cut_at..]), "the cut is last");
            assert_eq!(seen.len(), 1);
            assert!(seen[0].contains("TOTAL      3.40"), "{}", seen[0]);
        }
        let mut s = Splice::new(CodePage::Cp437);
        let two = [till_receipt(1, "1.00"), till_receipt(2, "2.00")].concat();
        let out = all_at_once(&mut s, &two, &block);
        assert_eq!(out.windows(block.len()).filter(|w| *w == block).count(), 2);
    }

    #[test]
    fn a_stream_that_stops_inside_a_possible_cut_is_released_unchanged() {
        let mut s = Splice::new(CodePage::Cp437);
        let out = s.push(b"hello\n\x1d", &mut |_| Some(b"X".to_vec()));
        assert_eq!(out, b"hello\n");
        assert!(s.holding());
        assert_eq!(s.release(), b"\x1d");
        // The rest of that command arrives late: passed on, no block (its start already went).
        let out = s.push(b"V\x00", &mut |_| Some(b"X".to_vec()));
        assert_eq!(out, b"V\x00");
    }
}
