//! Character tables for receipt printers: text is encoded for the profile's code page, and a
//! character the page cannot show is replaced by a visible `?`, never by garbage bytes.

use serde::Deserialize;

/// A printer code page: the character table a select command (`ESC t n`) puts in force.
/// Which pages a printer has, and the number that selects each, are in its profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CodePage {
    /// US, the power-on default of most printers (no €).
    Cp437,
    /// DOS Baltic Rim (Latvian, Lithuanian, Estonian).
    Cp775,
    /// Multilingual Latin-1 (no €).
    Cp850,
    /// DOS Central European Latin-2 (Serbian and Croatian Latin, Polish, Czech).
    Cp852,
    /// DOS Cyrillic (Serbian, Macedonian, Bulgarian, Russian).
    Cp855,
    /// CP850 with € at 0xD5.
    Cp858,
    /// DOS Russian Cyrillic (no Serbian Ђ Ј Љ Њ Ћ Џ).
    Cp866,
    /// Windows Central European.
    Cp1250,
    /// Windows Cyrillic (Serbian included).
    Cp1251,
    /// Windows Latin-1 (€ at 0x80).
    Cp1252,
    /// Windows Baltic.
    Cp1257,
}

impl CodePage {
    /// Every page Regulars can encode.
    pub const ALL: [CodePage; 11] = [
        CodePage::Cp437,
        CodePage::Cp775,
        CodePage::Cp850,
        CodePage::Cp852,
        CodePage::Cp855,
        CodePage::Cp858,
        CodePage::Cp866,
        CodePage::Cp1250,
        CodePage::Cp1251,
        CodePage::Cp1252,
        CodePage::Cp1257,
    ];

    /// The `n` of `ESC t n` in Epson's table (TM-T88V technical reference), which most
    /// ESC/POS printers follow.
    pub fn epson_number(self) -> u8 {
        match self {
            CodePage::Cp437 => 0,
            CodePage::Cp850 => 2,
            CodePage::Cp1252 => 16,
            CodePage::Cp866 => 17,
            CodePage::Cp852 => 18,
            CodePage::Cp858 => 19,
            CodePage::Cp775 => 33,
            CodePage::Cp855 => 34,
            CodePage::Cp1250 => 45,
            CodePage::Cp1251 => 46,
            CodePage::Cp1257 => 51,
        }
    }

    /// The code page for an Epson `ESC t n` number, if known.
    pub fn from_epson_number(n: u8) -> Option<CodePage> {
        CodePage::ALL.into_iter().find(|p| p.epson_number() == n)
    }

    /// The `n` of Star Line Mode's `ESC GS t n`, where Star's table has the page.
    pub fn star_number(self) -> Option<u8> {
        Some(match self {
            CodePage::Cp437 => 1,
            CodePage::Cp858 => 4,
            CodePage::Cp852 => 5,
            CodePage::Cp866 => 10,
            CodePage::Cp855 => 11,
            CodePage::Cp1252 => 32,
            CodePage::Cp1250 => 33,
            CodePage::Cp1251 => 34,
            _ => return None,
        })
    }

    /// A DOS page's tables (from `oem_cp`): encoding and decoding.
    #[allow(clippy::type_complexity)]
    fn dos(
        self,
    ) -> Option<(
        &'static oem_cp::OEMCPHashMap<char, u8>,
        &'static [char; 128],
    )> {
        use oem_cp::code_table as t;
        Some(match self {
            CodePage::Cp437 => (&t::ENCODING_TABLE_CP437, &t::DECODING_TABLE_CP437),
            CodePage::Cp775 => (&t::ENCODING_TABLE_CP775, &t::DECODING_TABLE_CP775),
            CodePage::Cp850 => (&t::ENCODING_TABLE_CP850, &t::DECODING_TABLE_CP850),
            CodePage::Cp852 => (&t::ENCODING_TABLE_CP852, &t::DECODING_TABLE_CP852),
            CodePage::Cp855 => (&t::ENCODING_TABLE_CP855, &t::DECODING_TABLE_CP855),
            CodePage::Cp858 => (&t::ENCODING_TABLE_CP858, &t::DECODING_TABLE_CP858),
            CodePage::Cp866 => (&t::ENCODING_TABLE_CP866, &t::DECODING_TABLE_CP866),
            _ => return None,
        })
    }

    /// A Windows page's encoding (from `encoding_rs`).
    fn windows(self) -> Option<&'static encoding_rs::Encoding> {
        match self {
            CodePage::Cp1250 => Some(encoding_rs::WINDOWS_1250),
            CodePage::Cp1251 => Some(encoding_rs::WINDOWS_1251),
            CodePage::Cp1252 => Some(encoding_rs::WINDOWS_1252),
            CodePage::Cp1257 => Some(encoding_rs::WINDOWS_1257),
            _ => None,
        }
    }

    /// Encodes one character, or `None` if this page has no glyph for it.
    pub fn encode_char(self, c: char) -> Option<u8> {
        if c.is_ascii() {
            return (!c.is_ascii_control()).then_some(c as u8);
        }
        match self.dos() {
            Some((table, _)) => oem_cp::encode_char_checked(c, table),
            None => {
                let enc = self.windows()?;
                let mut buf = [0u8; 4];
                // encoding_rs writes an unmappable character as an HTML entity and sets the
                // flag: the flag means "not on this page".
                let (bytes, _, unmappable) = enc.encode(c.encode_utf8(&mut buf));
                (!unmappable && bytes.len() == 1 && bytes[0] >= 0x80).then(|| bytes[0])
            }
        }
    }

    /// Whether every character of `text` is on this page.
    pub fn covers(self, text: &str) -> bool {
        text.chars().all(|c| self.encode_char(c).is_some())
    }

    /// Encodes text; unknown characters become `?` (after trying a plain-letter fallback, so
    /// "Zoë" still prints as "Zoe" on a page without ë). Receipts never come here for text
    /// their pages do not cover (see [`super::receipt`]); this is for the pass-through's
    /// insert into another till's stream.
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
        match self.dos() {
            Some((_, table)) => oem_cp::decode_char_complete_table(b, table),
            None => {
                let enc = self.windows().unwrap_or(encoding_rs::WINDOWS_1252);
                let byte = [b];
                let (text, _) = enc.decode_without_bom_handling(&byte);
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
        for page in CodePage::ALL {
            let text = "Cafe 3,50 #42";
            let decoded: String = page
                .encode(text)
                .iter()
                .map(|b| page.decode_byte(*b))
                .collect();
            assert_eq!(decoded, text, "{page:?}");
            assert_eq!(CodePage::from_epson_number(page.epson_number()), Some(page));
        }
    }

    #[test]
    fn each_shops_letters_have_their_pages() {
        let cases: [(&str, &[CodePage]); 4] = [
            (
                "Kafejnīca Ķiploks, ģļņšžū",
                &[CodePage::Cp1257, CodePage::Cp775],
            ),
            (
                "Ђорђе Петровић, Џ Љ Њ Ћ",
                &[CodePage::Cp1251, CodePage::Cp855],
            ),
            (
                "Đorđe Petrović, č š ž",
                &[CodePage::Cp1250, CodePage::Cp852],
            ),
            ("Crème brûlée €", &[CodePage::Cp1252, CodePage::Cp858]),
        ];
        for (text, pages) in cases {
            for page in CodePage::ALL {
                assert_eq!(
                    page.covers(text),
                    pages.contains(&page),
                    "{text} on {page:?}"
                );
            }
            for page in pages {
                let decoded: String = page
                    .encode(text)
                    .iter()
                    .map(|b| page.decode_byte(*b))
                    .collect();
                assert_eq!(decoded, text, "{page:?}");
            }
        }
        // CP866 is Russian: no Serbian Ђ.
        assert!(CodePage::Cp866.covers("Петров") && !CodePage::Cp866.covers("Ђорђе"));
        // encoding_rs's unmappable flag is failure, not an HTML entity.
        assert_eq!(CodePage::Cp1257.encode_char('₹'), None);
        assert_eq!(CodePage::Cp1251.encode_char('₱'), None);
    }
}
