//! Full-width digits, as a Japanese input method gives them by default, read as the ASCII digits
//! the user meant: one folder for every field that takes a number, a date, a year, a rate or a
//! phone number, so that no field reads `２０２６` differently from another.

/// `'２'` → `'2'`; every other character as it is.
pub fn ascii_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        c => c,
    }
}

/// `'Ｃ'` → `'C'`, `'１'` → `'1'`, `'（'` → `'('`: the whole full-width ASCII block, for what
/// is typed as a number or a name made of letters and digits (C12, 第２項).
pub fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::ascii_digit;

    #[test]
    fn full_width_digits_fold_and_nothing_else_does() {
        let folded: String = "２０２６年4月１日－Ｆ".chars().map(ascii_digit).collect();
        assert_eq!(folded, "2026年4月1日－Ｆ");
    }
}
