//! Character tables for receipt printers: text is encoded for the profile's code page, and a
//! character the page cannot show is replaced by a visible `?`, never by garbage bytes.

use serde::Deserialize;

/// A printer code page, selected with `ESC t n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CodePage {
    /// US, the power-on default of most printers (no €).
    Cp437,
    /// Multilingual Latin-1 (no €).
    Cp850,
    /// CP850 with € at 0xD5.
    Cp858,
    /// Windows Latin-1 (€ at 0x80).
    Cp1252,
}

impl CodePage {
    /// The `n` of `ESC t n` on Epson-compatible printers.
    pub fn escpos_number(self) -> u8 {
        match self {
            CodePage::Cp437 => 0,
            CodePage::Cp850 => 2,
            CodePage::Cp1252 => 16,
            CodePage::Cp858 => 19,
        }
    }

    /// The code page for an `ESC t n` number, if known.
    pub fn from_escpos_number(n: u8) -> Option<CodePage> {
        match n {
            0 => Some(CodePage::Cp437),
            2 => Some(CodePage::Cp850),
            16 => Some(CodePage::Cp1252),
            19 => Some(CodePage::Cp858),
            _ => None,
        }
    }

    /// Encodes one character, or `None` if this page has no glyph for it.
    pub fn encode_char(self, c: char) -> Option<u8> {
        if c.is_ascii() {
            return (!c.is_ascii_control()).then_some(c as u8);
        }
        match self {
            CodePage::Cp437 => {
                oem_cp::encode_char_checked(c, &oem_cp::code_table::ENCODING_TABLE_CP437)
            }
            CodePage::Cp850 => {
                oem_cp::encode_char_checked(c, &oem_cp::code_table::ENCODING_TABLE_CP850)
            }
            CodePage::Cp858 => {
                oem_cp::encode_char_checked(c, &oem_cp::code_table::ENCODING_TABLE_CP858)
            }
            CodePage::Cp1252 => {
                let mut buf = [0u8; 4];
                let (bytes, _, unmappable) =
                    encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buf));
                (!unmappable && bytes.len() == 1).then(|| bytes[0])
            }
        }
    }

    /// Encodes text; unknown characters become `?` (after trying a plain-letter fallback, so
    /// "Zoë" still prints as "Zoe" on a page without ë).
    pub fn encode(self, text: &str) -> Vec<u8> {
        text.chars()
            .map(|c| {
                self.encode_char(c)
                    .or_else(|| fallback(c).and_then(|f| self.encode_char(f)))
                    .unwrap_or(b'?')
            })
            .collect()
    }

    /// Decodes printer bytes back to text (the virtual printer's side).
    pub fn decode_byte(self, b: u8) -> char {
        if b < 0x80 {
            return b as char;
        }
        match self {
            CodePage::Cp437 => {
                oem_cp::decode_char_complete_table(b, &oem_cp::code_table::DECODING_TABLE_CP437)
            }
            CodePage::Cp850 => {
                oem_cp::decode_char_complete_table(b, &oem_cp::code_table::DECODING_TABLE_CP850)
            }
            CodePage::Cp858 => {
                oem_cp::decode_char_complete_table(b, &oem_cp::code_table::DECODING_TABLE_CP858)
            }
            CodePage::Cp1252 => {
                let byte = [b];
                let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
                text.chars().next().unwrap_or('?')
            }
        }
    }
}

/// A plain letter for common accented ones and typographic punctuation.
fn fallback(c: char) -> Option<char> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => 'A',
        'è' | 'é' | 'ê' | 'ë' | 'ē' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' => 'E',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' => 'I',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => 'O',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' => 'U',
        'ç' | 'č' | 'ć' => 'c',
        'Ç' | 'Č' | 'Ć' => 'C',
        'ñ' | 'ń' => 'n',
        'Ñ' | 'Ń' => 'N',
        'š' | 'ś' => 's',
        'Š' | 'Ś' => 'S',
        'ž' | 'ź' | 'ż' => 'z',
        'Ž' | 'Ź' | 'Ż' => 'Z',
        'ł' => 'l',
        'Ł' => 'L',
        '‘' | '’' | '´' => '\'',
        '“' | '”' | '„' => '"',
        '–' | '—' => '-',
        '…' => '.',
        '\u{a0}' => ' ',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn euro_and_accents() {
        assert_eq!(CodePage::Cp858.encode("€"), [0xD5]);
        assert_eq!(CodePage::Cp1252.encode("€"), [0x80]);
        assert_eq!(CodePage::Cp437.encode("€"), b"?");
        assert_eq!(CodePage::Cp850.encode("Café"), [b'C', b'a', b'f', 0x82]);
        assert_eq!(CodePage::Cp437.encode("Zoë"), [b'Z', b'o', 0x89]);
        assert_eq!(CodePage::Cp437.encode("Łukasz"), b"Lukasz");
        assert_eq!(CodePage::Cp858.encode("日本"), b"??");
        assert_eq!(CodePage::Cp858.encode("a\u{7}b"), b"a?b");
    }

    #[test]
    fn round_trip() {
        for page in [
            CodePage::Cp437,
            CodePage::Cp850,
            CodePage::Cp858,
            CodePage::Cp1252,
        ] {
            let text = "Crème brûlée 3,50";
            let decoded: String = page
                .encode(text)
                .iter()
                .map(|b| page.decode_byte(*b))
                .collect();
            assert_eq!(decoded, text, "{page:?}");
            assert_eq!(
                CodePage::from_escpos_number(page.escpos_number()),
                Some(page)
            );
        }
    }
}
