//! Amounts as people say them: a director takes "2,093万円" to the board, not "20,929千円".
//!
//! Japanese counts in 万 (10⁴) and 億 (10⁸): thousand yen are rounded half up to whole 万円,
//! and from 1億 on the 億 is written out (1億2,920万円). English has no 万, so the same
//! precision (¥10,000) is written in millions with at most two decimals (¥20.93 million,
//! ¥129.2 million), and below ¥1 million in thousands (¥500 thousand). Amounts under 1万円 are
//! too small to round to 万 and are given in thousands (5千円, ¥5,000).

use crate::domain::lang::Lang;
use crate::domain::questionnaire::group_thousands;

/// Thousand yen (a model figure) as people say it; a negative amount keeps its sign.
pub fn say(thousand: i64, lang: Lang) -> String {
    let sign = if thousand < 0 { "-" } else { "" };
    let t = thousand.unsigned_abs();
    if t < 10 {
        return match (lang, t) {
            (_, 0) => lang.pick("0円", "¥0").to_string(),
            (Lang::Ja, _) => format!("{sign}{t}千円"),
            (Lang::En, _) => format!("{sign}¥{t},000"),
        };
    }
    let man = (t + 5) / 10;
    format!("{sign}{}", say_man_abs(man, lang))
}

/// An amount as people say it, saying when it is rounded: 499千円 is 「約50万円（499千円）」 /
/// "¥499 thousand", 25,790千円 「約2,579万円（25,790千円）」 / "about ¥25.79 million (¥25,790
/// thousand)" — never a bare 50万円 beside a report that prints ¥499 thousand. An amount that is
/// whole 万円 (or under 1万円, said in 千円) is said exactly as [`say`] says it.
pub fn about(thousand: i64, lang: Lang) -> String {
    let said = say(thousand, lang);
    if thousand.unsigned_abs() < 10 || thousand % 10 == 0 {
        return said;
    }
    let exact = group_thousands(thousand);
    let sign = if thousand < 0 { "-" } else { "" };
    let yen = format!("{sign}¥{} thousand", group_thousands(thousand.abs()));
    match lang {
        Lang::Ja => format!("約{said}（{exact}千円）"),
        // Under a million English says thousands already: exactly.
        Lang::En if thousand.unsigned_abs() < 1000 => yen,
        Lang::En => format!("about {said} ({yen})"),
    }
}

/// An amount already in whole 万円 (the report's p34 figures), said the same way.
pub fn say_man(man: i64, lang: Lang) -> String {
    let sign = if man < 0 { "-" } else { "" };
    format!("{sign}{}", say_man_abs(man.unsigned_abs(), lang))
}

fn say_man_abs(man: u64, lang: Lang) -> String {
    let group = |n: u64| group_thousands(i64::try_from(n).unwrap_or(i64::MAX));
    match lang {
        Lang::Ja => {
            let (oku, rest) = (man / 10_000, man % 10_000);
            match (oku, rest) {
                (0, 0) => "0円".into(),
                (0, r) => format!("{}万円", group(r)),
                (o, 0) => format!("{}億円", group(o)),
                (o, r) => format!("{}億{}万円", group(o), group(r)),
            }
        }
        Lang::En => {
            if man == 0 {
                return "¥0".into();
            }
            if man < 100 {
                return format!("¥{} thousand", man * 10);
            }
            let (millions, hundredths) = (man / 100, man % 100);
            if hundredths == 0 {
                format!("¥{} million", group(millions))
            } else {
                let decimals = format!("{hundredths:02}");
                format!(
                    "¥{}.{} million",
                    group(millions),
                    decimals.trim_end_matches('0')
                )
            }
        }
    }
}

/// A typed amount in thousand yen with its reading, as a field echoes it before Enter:
/// "450,000千円 = 4億5,000万円" — a slip between 千円 and 円 shows as a reading a thousand times
/// off. The reading is [`say`], the one the budget screen uses.
pub fn echo(thousand: i64, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(
            "{}千円 = {}",
            group_thousands(thousand),
            say(thousand, lang)
        ),
        Lang::En => format!(
            "{} thousand yen = {}",
            group_thousands(thousand),
            say(thousand, lang)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rounded_amount_says_so_and_an_exact_one_does_not() {
        assert_eq!(about(25_790, Lang::Ja), "2,579万円");
        assert_eq!(about(25_794, Lang::Ja), "約2,579万円（25,794千円）");
        assert_eq!(about(499, Lang::Ja), "約50万円（499千円）");
        assert_eq!(about(499, Lang::En), "¥499 thousand");
        assert_eq!(
            about(25_794, Lang::En),
            "about ¥25.79 million (¥25,794 thousand)"
        );
        assert_eq!(about(-7_449, Lang::Ja), "約-745万円（-7,449千円）");
        assert_eq!(
            about(-7_449, Lang::En),
            "about -¥7.45 million (-¥7,449 thousand)"
        );
    }

    #[test]
    fn an_amount_echoes_with_its_reading() {
        assert_eq!(echo(450_000, Lang::Ja), "450,000千円 = 4億5,000万円");
        assert_eq!(echo(4_500, Lang::En), "4,500 thousand yen = ¥4.5 million");
    }

    #[test]
    fn japanese_in_man_and_oku() {
        assert_eq!(say(20_929, Lang::Ja), "2,093万円");
        assert_eq!(say(3_647, Lang::Ja), "365万円");
        assert_eq!(say(129_204, Lang::Ja), "1億2,920万円");
        assert_eq!(say(130_000, Lang::Ja), "1億3,000万円");
        assert_eq!(say(100_000, Lang::Ja), "1億円");
        assert_eq!(say(99_995, Lang::Ja), "1億円");
        assert_eq!(say(-2_948, Lang::Ja), "-295万円");
        assert_eq!(say(15, Lang::Ja), "2万円");
        assert_eq!(say(5, Lang::Ja), "5千円");
        assert_eq!(say(0, Lang::Ja), "0円");
        assert_eq!(say_man(13_000, Lang::Ja), "1億3,000万円");
        assert_eq!(say_man(360, Lang::Ja), "360万円");
        assert_eq!(say_man(123_456_789, Lang::Ja), "12,345億6,789万円");
    }

    #[test]
    fn english_in_millions_to_the_same_precision() {
        assert_eq!(say(20_929, Lang::En), "¥20.93 million");
        assert_eq!(say(3_647, Lang::En), "¥3.65 million");
        assert_eq!(say(129_204, Lang::En), "¥129.2 million");
        assert_eq!(say(130_000, Lang::En), "¥130 million");
        assert_eq!(say(4_990, Lang::En), "¥4.99 million");
        assert_eq!(say(494, Lang::En), "¥490 thousand");
        assert_eq!(say(-2_948, Lang::En), "-¥2.95 million");
        assert_eq!(say(5, Lang::En), "¥5,000");
        assert_eq!(say(0, Lang::En), "¥0");
        assert_eq!(say_man(13_000, Lang::En), "¥130 million");
        assert_eq!(say_man(1_050, Lang::En), "¥10.5 million");
        assert_eq!(say_man(1_234_567, Lang::En), "¥12,345.67 million");
    }
}
