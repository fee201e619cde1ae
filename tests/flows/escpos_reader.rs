//! Reads an ESC/POS job back as the printer would take it: text runs decoded with outside
//! decoders (encoding_rs, oem_cp), raster images, and the lines of user-defined characters
//! with each picture where it was placed.

/// What the printer was told, line by line.
#[derive(Debug, Default)]
pub struct Printed {
    /// Text lines: each a list of (select number, decoded text) runs; a user-defined
    /// character (a picture) is U+FFFC.
    pub lines: Vec<Vec<(u8, String)>>,
    /// Raster images (width, height, rows), in order.
    pub images: Vec<(usize, usize, Vec<u8>)>,
    /// Lines with user-defined characters: the rows of each (more than one between `ESC 3`
    /// and `ESC 2`), each row its cells: where it is printed (dots from the line's start) and
    /// the picture's columns, or none for a character.
    pub grids: Vec<Vec<Vec<Cell>>>,
    /// Pictures defined (`ESC &`), counting each definition.
    pub defined: usize,
    /// The different pictures among them.
    pub distinct: std::collections::HashSet<Vec<u8>>,
}

/// A printed cell: its place and picture (none: one of the printer's characters).
pub type Cell = (usize, Option<Vec<u8>>);

/// A picture of a user-defined character is 12 × 24 dots, 3 bytes a column.
pub const CELL_W: usize = 12;
pub const CELL_H: usize = 24;

impl Printed {
    pub fn texts(&self) -> Vec<String> {
        self.lines
            .iter()
            .map(|runs| runs.iter().map(|(_, t)| t.as_str()).collect::<String>())
            .collect()
    }

    /// The line whose text, without padding, is `expected`; its runs' page numbers.
    pub fn line(&self, expected: &str) -> Option<Vec<u8>> {
        self.lines.iter().find_map(|runs| {
            let text: String = runs.iter().map(|(_, t)| t.as_str()).collect();
            let squeezed = text.split_whitespace().collect::<Vec<_>>().join(" ");
            (squeezed == expected).then(|| runs.iter().map(|(n, _)| *n).collect())
        })
    }
}

/// Decodes one byte in the page an Epson `ESC t n` number selects, with outside decoders.
pub fn decode(n: u8, b: u8) -> char {
    use oem_cp::code_table as t;
    if b < 0x80 {
        return b as char;
    }
    let windows = |e: &'static encoding_rs::Encoding| {
        e.decode_without_bom_handling(&[b])
            .0
            .chars()
            .next()
            .unwrap()
    };
    match n {
        0 => oem_cp::decode_char_complete_table(b, &t::DECODING_TABLE_CP437),
        2 => oem_cp::decode_char_complete_table(b, &t::DECODING_TABLE_CP850),
        16 => windows(encoding_rs::WINDOWS_1252),
        17 => oem_cp::decode_char_complete_table(b, &t::DECODING_TABLE_CP866),
        18 => oem_cp::decode_char_complete_table(b, &t::DECODING_TABLE_CP852),
        19 => oem_cp::decode_char_complete_table(b, &t::DECODING_TABLE_CP858),
        33 => oem_cp::decode_char_complete_table(b, &t::DECODING_TABLE_CP775),
        34 => oem_cp::decode_char_complete_table(b, &t::DECODING_TABLE_CP855),
        45 => windows(encoding_rs::WINDOWS_1250),
        46 => windows(encoding_rs::WINDOWS_1251),
        51 => windows(encoding_rs::WINDOWS_1257),
        _ => panic!("page number {n} is not one the profile lists"),
    }
}

/// Reads an ESC/POS job (the commands Regulars sends) into text runs and images.
pub fn read_job(bytes: &[u8]) -> Printed {
    let mut p = Printed::default();
    let mut page = 0u8;
    let mut line: Vec<(u8, String)> = Vec::new();
    // User-defined characters: their pictures by code, whether selected, this row's cells and
    // the rows of a line of several.
    let mut pictures: std::collections::HashMap<u8, Vec<u8>> = Default::default();
    let mut user = false;
    let mut cells: Vec<Cell> = Vec::new();
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut several = false;
    // Where the next character goes, and how wide the printer draws one (`GS !`).
    let (mut x, mut step) = (0usize, CELL_W);
    let mut i = 0;
    let push = |line: &mut Vec<(u8, String)>, page: u8, c: char| match line.last_mut() {
        Some((n, t)) if *n == page => t.push(c),
        _ => line.push((page, c.to_string())),
    };
    while i < bytes.len() {
        match bytes[i] {
            0x0A => {
                if !line.is_empty() {
                    p.lines.push(std::mem::take(&mut line));
                }
                x = 0;
                if cells.iter().any(|c| c.1.is_some()) || several {
                    rows.push(std::mem::take(&mut cells));
                }
                cells.clear();
                if !several && !rows.is_empty() {
                    p.grids.push(std::mem::take(&mut rows));
                }
                i += 1;
            }
            0x1B => match bytes[i + 1] {
                b'@' => i += 2,
                b'3' => {
                    several = true;
                    i += 3;
                }
                b'2' => {
                    several = false;
                    if !rows.is_empty() {
                        p.grids.push(std::mem::take(&mut rows));
                    }
                    i += 2;
                }
                b'%' => {
                    user = bytes[i + 2] & 1 == 1;
                    i += 3;
                }
                b'&' => {
                    let (y, c1, c2) = (bytes[i + 2], bytes[i + 3], bytes[i + 4]);
                    assert_eq!(usize::from(y), CELL_H / 8, "pictures 24 dots tall");
                    i += 5;
                    for code in c1..=c2 {
                        let w = usize::from(bytes[i]);
                        assert!(w <= CELL_W, "pictures at most 12 dots wide");
                        // The columns not sent are blank.
                        let mut picture = bytes[i + 1..i + 1 + w * 3].to_vec();
                        picture.resize(CELL_W * 3, 0);
                        p.distinct.insert(picture.clone());
                        pictures.insert(code, picture);
                        p.defined += 1;
                        i += 1 + w * 3;
                    }
                }
                b'$' => {
                    let to = usize::from(bytes[i + 2]) | usize::from(bytes[i + 3]) << 8;
                    // A jump to the right reads as the spaces it stands for.
                    let spaces = to.saturating_sub(x) + CELL_W / 2;
                    let at_start = line.is_empty() && cells.is_empty();
                    for _ in 0..if at_start { 0 } else { spaces / CELL_W } {
                        push(&mut line, page, ' ');
                    }
                    x = to;
                    i += 4;
                }
                b't' => {
                    page = bytes[i + 2];
                    i += 3;
                }
                b'a' | b'E' | b'd' => i += 3,
                other => panic!("unexpected ESC {other:#x} at {i}"),
            },
            0x1D => match bytes[i + 1] {
                b'!' => {
                    step = CELL_W * (usize::from(bytes[i + 2] >> 4) + 1);
                    i += 3;
                }
                b'V' => i += 3,
                b'v' => {
                    let w = usize::from(bytes[i + 4]) | usize::from(bytes[i + 5]) << 8;
                    let h = usize::from(bytes[i + 6]) | usize::from(bytes[i + 7]) << 8;
                    p.images
                        .push((w * 8, h, bytes[i + 8..i + 8 + w * h].to_vec()));
                    i += 8 + w * h;
                }
                b'(' => {
                    let len = usize::from(bytes[i + 3]) | usize::from(bytes[i + 4]) << 8;
                    i += 5 + len;
                }
                other => panic!("unexpected GS {other:#x} at {i}"),
            },
            0x10 => i += 3,
            b if user => {
                let picture = pictures.get(&b).expect("a picture defined before its use");
                push(&mut line, page, '\u{FFFC}');
                cells.push((x, Some(picture.clone())));
                x += step;
                i += 1;
            }
            b => {
                push(&mut line, page, decode(page, b));
                cells.push((x, None));
                x += step;
                i += 1;
            }
        }
    }
    p
}
