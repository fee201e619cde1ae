//! Letters a display cannot show, written plainly instead of as `?`: Serbian Cyrillic in
//! Serbian Latin (Ђ → Đ, Љ → Lj), Telugu in Latin letters syllable by syllable (స్వాగతం →
//! svaagatam), accents dropped (Ā → A) and anything else spelled out by `deunicode`.

/// `text` in characters `has` accepts. Characters it accepts are kept as they are; ASCII is
/// assumed to be there (every display's table has it).
pub fn plain(text: &str, has: &dyn Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii() || has(c) {
            out.push(c);
        } else if telugu(c).is_some() {
            out.push_str(&telugu_syllable(c, &mut chars));
        } else if let Some(latin) = serbian_latin(c) {
            for l in latin.chars() {
                if has(l) {
                    out.push(l);
                } else {
                    out.push_str(&letter(l));
                }
            }
        } else {
            out.push_str(&letter(c));
        }
    }
    out
}

/// Serbian Cyrillic written in Serbian Latin, everything else as it is: for a display with a
/// Latin-2 table but no Cyrillic one that has Ђ Ј Љ Њ Ћ Џ (a name must not come out half in
/// one script and half in the other).
pub fn serbian_in_latin(text: &str) -> String {
    text.chars()
        .map(|c| serbian_latin(c).map_or_else(|| c.to_string(), str::to_string))
        .collect()
}

/// One character in ASCII: Đ as Serbian writes it without the stroke, else `deunicode`'s
/// spelling (nothing for what has none, never `?`).
fn letter(c: char) -> String {
    match c {
        'Đ' => "Dj".into(),
        'đ' => "dj".into(),
        '\u{200c}' | '\u{200d}' => String::new(),
        '\u{a0}' => " ".into(),
        _ => match deunicode::deunicode_char(c) {
            Some(s) if s != "[?]" => s.to_string(),
            _ => String::new(),
        },
    }
}

/// Serbian Cyrillic's Latin twin (the official one-to-one transliteration).
fn serbian_latin(c: char) -> Option<&'static str> {
    const UPPER: [&str; 30] = [
        "A", "B", "V", "G", "D", "Đ", "E", "Ž", "Z", "I", "J", "K", "L", "Lj", "M", "N", "Nj", "O",
        "P", "R", "S", "T", "Ć", "U", "F", "H", "C", "Č", "Dž", "Š",
    ];
    const LOWER: [&str; 30] = [
        "a", "b", "v", "g", "d", "đ", "e", "ž", "z", "i", "j", "k", "l", "lj", "m", "n", "nj", "o",
        "p", "r", "s", "t", "ć", "u", "f", "h", "c", "č", "dž", "š",
    ];
    const ORDER: &str = "АБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ";
    let lower: String = ORDER.to_lowercase();
    if let Some(i) = ORDER.chars().position(|o| o == c) {
        return Some(UPPER[i]);
    }
    lower.chars().position(|o| o == c).map(|i| LOWER[i])
}

/// What a Telugu character is.
#[derive(Clone, Copy)]
enum Telugu {
    Consonant(&'static str),
    Vowel(&'static str),
    Sign(&'static str),
    Virama,
    Other(&'static str),
}

fn telugu(c: char) -> Option<Telugu> {
    use Telugu::*;
    Some(match c {
        'అ' => Vowel("a"),
        'ఆ' => Vowel("aa"),
        'ఇ' => Vowel("i"),
        'ఈ' => Vowel("ii"),
        'ఉ' => Vowel("u"),
        'ఊ' => Vowel("uu"),
        'ఋ' => Vowel("ru"),
        'ౠ' => Vowel("ruu"),
        'ఎ' => Vowel("e"),
        'ఏ' => Vowel("ee"),
        'ఐ' => Vowel("ai"),
        'ఒ' => Vowel("o"),
        'ఓ' => Vowel("oo"),
        'ఔ' => Vowel("au"),
        'క' => Consonant("k"),
        'ఖ' => Consonant("kh"),
        'గ' => Consonant("g"),
        'ఘ' => Consonant("gh"),
        'ఙ' | 'ఞ' | 'ణ' | 'న' => Consonant("n"),
        'చ' => Consonant("ch"),
        'ఛ' => Consonant("chh"),
        'జ' => Consonant("j"),
        'ఝ' => Consonant("jh"),
        'ట' | 'త' => Consonant("t"),
        'ఠ' | 'థ' => Consonant("th"),
        'డ' | 'ద' => Consonant("d"),
        'ఢ' | 'ధ' => Consonant("dh"),
        'ప' => Consonant("p"),
        'ఫ' => Consonant("ph"),
        'బ' => Consonant("b"),
        'భ' => Consonant("bh"),
        'మ' => Consonant("m"),
        'య' => Consonant("y"),
        'ర' | 'ఱ' => Consonant("r"),
        'ల' | 'ళ' | 'ఴ' => Consonant("l"),
        'వ' => Consonant("v"),
        'శ' | 'ష' => Consonant("sh"),
        'స' => Consonant("s"),
        'హ' => Consonant("h"),
        'ా' => Sign("aa"),
        'ి' => Sign("i"),
        'ీ' => Sign("ii"),
        'ు' => Sign("u"),
        'ూ' => Sign("uu"),
        'ృ' => Sign("ru"),
        'ౄ' => Sign("ruu"),
        'ె' => Sign("e"),
        'ే' => Sign("ee"),
        'ై' => Sign("ai"),
        'ొ' => Sign("o"),
        'ో' => Sign("oo"),
        'ౌ' => Sign("au"),
        '్' => Virama,
        'ఁ' | 'ం' => Other("m"),
        'ః' => Other("h"),
        '౦'..='౯' => Other(
            ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"][(c as u32 - '౦' as u32) as usize],
        ),
        '\u{0c00}'..='\u{0c7f}' => Other(""),
        _ => return None,
    })
}

/// One Telugu syllable starting at `first`: a consonant takes its vowel sign, or loses its
/// vowel before a virama, or keeps the inherent "a".
fn telugu_syllable(first: char, rest: &mut std::iter::Peekable<std::str::Chars<'_>>) -> String {
    match telugu(first) {
        Some(Telugu::Consonant(base)) => {
            let mut s = base.to_string();
            match rest.peek().copied().and_then(telugu) {
                Some(Telugu::Sign(v)) => {
                    rest.next();
                    s.push_str(v);
                }
                Some(Telugu::Virama) => {
                    rest.next();
                }
                _ => s.push('a'),
            }
            s
        }
        // The anusvara sounds as the nasal of what follows: m before p, b, m, v and at a
        // word's end, n elsewhere (పాయింట్లు: paayintlu).
        Some(Telugu::Other("m")) => {
            let next = rest.peek().copied().and_then(telugu);
            match next {
                Some(Telugu::Consonant(b)) if !b.starts_with(['p', 'b', 'm', 'v']) => "n".into(),
                _ => "m".into(),
            }
        }
        Some(Telugu::Vowel(v) | Telugu::Sign(v) | Telugu::Other(v)) => v.to_string(),
        Some(Telugu::Virama) | None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devices::codepage::CodePage;

    fn on(page: CodePage, text: &str) -> String {
        plain(text, &|c| page.encode_char(c).is_some())
    }

    #[test]
    fn each_shops_letters() {
        assert_eq!(on(CodePage::Cp437, "Līga Ozoliņa"), "Liga Ozolina");
        assert_eq!(on(CodePage::Cp1257, "Līga"), "Līga");
        assert_eq!(on(CodePage::Cp852, "Ђорђе Љубић"), "Đorđe Ljubić");
        assert_eq!(on(CodePage::Cp437, "Ђорђе Џо"), "Djordje Dzo");
        assert_eq!(on(CodePage::Cp1251, "Ђорђе"), "Ђорђе");
        assert_eq!(on(CodePage::Cp437, "స్వాగతం"), "svaagatam");
        assert_eq!(on(CodePage::Cp437, "శ్రీ"), "shrii");
        assert_eq!(on(CodePage::Cp437, "పాయింట్లు"), "paayintlu");
        let peso = on(CodePage::Cp437, "₱120.00 ₹45");
        assert!(!peso.contains('?') && peso.contains("120.00"), "{peso}");
        for text in ["Ā Č Ķ Ņ Ž", "Ђ Ћ Џ", "మీకు ఉచిత కాఫీ", "€ ₱ ₹ · —"]
        {
            let p = on(CodePage::Cp437, text);
            assert!(
                CodePage::Cp437.covers(&p) && !p.contains('?'),
                "{text} → {p}"
            );
        }
    }
}
