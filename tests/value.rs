//! The value parser, case by case. The same tests run natively (`cargo test`) and in Chromium
//! (`wasm-pack test --headless --chrome`).

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use disclosure_report::value::{parse, Amount, Normalization, Parsed, Refusal, ValueKind};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

fn count(text: &str) -> Parsed {
    parse(text, ValueKind::Count)
}

fn amount_of(p: &Parsed) -> Amount {
    match p {
        Parsed::Number(n) => n.amount,
        other => panic!("expected a number, got {other:?}"),
    }
}

fn refusal(p: Parsed) -> Refusal {
    match p {
        Parsed::Refused(r) => r,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn norms(p: &Parsed) -> Vec<Normalization> {
    match p {
        Parsed::Number(n) => n.normalizations.clone(),
        _ => vec![],
    }
}

#[test]
fn plain_ascii_digits() {
    let p = count("645");
    assert_eq!(amount_of(&p), Amount::from_int(645));
    assert!(norms(&p).is_empty(), "plain digits need no normalisation");
}

#[test]
fn full_width_digits() {
    let p = count("６４５");
    assert_eq!(amount_of(&p), Amount::from_int(645));
    assert_eq!(norms(&p), vec![Normalization::FullWidth]);
}

#[test]
fn thousands_separators_ascii_and_full_width() {
    assert_eq!(amount_of(&count("1,234")), Amount::from_int(1234));
    assert_eq!(amount_of(&count("1，234")), Amount::from_int(1234));
    assert_eq!(amount_of(&count("12,345,678")), Amount::from_int(12_345_678));
    assert!(norms(&count("1,234")).contains(&Normalization::Separators));
    assert_eq!(refusal(count("1,23")), Refusal::MisplacedSeparator);
    assert_eq!(refusal(count("1234,5")), Refusal::MisplacedSeparator);
}

#[test]
fn surrounding_spaces_and_zero_width_characters() {
    assert_eq!(amount_of(&count("  645 ")), Amount::from_int(645));
    assert_eq!(amount_of(&count("\u{200B}645\u{FEFF}")), Amount::from_int(645));
    assert_eq!(amount_of(&count("\u{3000}6 45")), Amount::from_int(645));
    assert!(norms(&count(" 645")).contains(&Normalization::Whitespace));
}

#[test]
fn trailing_unit() {
    let p = count("645条");
    assert_eq!(amount_of(&p), Amount::from_int(645));
    assert_eq!(norms(&p), vec![Normalization::Unit { unit: "条".into() }]);
    assert_eq!(amount_of(&count("6人次")), Amount::from_int(6));
    let money = parse("2.5万元", ValueKind::Money);
    assert_eq!(amount_of(&money), Amount(2_500_000));
}

#[test]
fn yuan_converted_to_wan_yuan() {
    let p = parse("251000元", ValueKind::Money);
    assert_eq!(amount_of(&p), Amount::from_int(25) + Amount(100_000));
    // To the 分: 1.23元 is 0.000123 万元.
    assert_eq!(amount_of(&parse("1.23元", ValueKind::Money)), Amount(123));
    assert_eq!(amount_of(&parse("160.5964万元", ValueKind::Money)), Amount(160_596_400));
    assert_eq!(refusal(parse("12元", ValueKind::Count)), Refusal::UnknownUnit { unit: "元".into() });
}

#[test]
fn signs() {
    assert_eq!(amount_of(&parse("+3", ValueKind::Signed)), Amount::from_int(3));
    assert_eq!(amount_of(&parse("-2", ValueKind::Signed)), Amount::from_int(-2));
    assert_eq!(amount_of(&parse("－2", ValueKind::Signed)), Amount::from_int(-2));
    assert_eq!(refusal(count("-2")), Refusal::Negative);
    assert_eq!(refusal(parse("--253", ValueKind::Signed)), Refusal::MalformedSign);
    assert_eq!(refusal(count("--3")), Refusal::MalformedSign);
    assert_eq!(refusal(count("3-")), Refusal::MalformedSign);
    assert_eq!(amount_of(&count("-0")), Amount::ZERO, "minus zero is zero");
}

#[test]
fn decimals() {
    assert_eq!(amount_of(&parse("0.0001", ValueKind::Money)), Amount(100));
    // 万元 to the 分, as published reports give fees (5949.088667 万元).
    assert_eq!(amount_of(&parse("5949.088667", ValueKind::Money)), Amount(5_949_088_667));
    assert_eq!(amount_of(&parse("0.000001", ValueKind::Money)), Amount(1));
    assert_eq!(amount_of(&parse("2", ValueKind::Money)), Amount::from_int(2));
    assert_eq!(amount_of(&count("3.0")), Amount::from_int(3), "a whole number written with .0 is whole");
    assert_eq!(refusal(count("2.5")), Refusal::NotInteger);
    assert_eq!(refusal(parse("0.0000001", ValueKind::Money)), Refusal::TooManyDecimals);
    assert_eq!(refusal(parse("0.0000001万元", ValueKind::Money)), Refusal::TooManyDecimals);
    assert_eq!(refusal(parse("1.234元", ValueKind::Money)), Refusal::TooManyDecimals);
}

#[test]
fn refuses_empty_text() {
    assert_eq!(count(""), Parsed::Blank);
    assert_eq!(count("   "), Parsed::Blank);
    assert_eq!(count("\u{200B}"), Parsed::Blank);
}

#[test]
fn refuses_letters_mixed_into_digits() {
    assert_eq!(refusal(count("1O")), Refusal::Letters { found: "O".into() });
    assert_eq!(refusal(count("l2")), Refusal::Letters { found: "l".into() });
    assert_eq!(refusal(count("abc")), Refusal::Letters { found: "a".into() });
}

#[test]
fn refuses_two_decimal_points() {
    assert_eq!(refusal(count("1.2.3")), Refusal::DecimalPoints);
    assert_eq!(refusal(parse("1..2", ValueKind::Money)), Refusal::DecimalPoints);
}

#[test]
fn refuses_values_too_large_to_be_real() {
    assert_eq!(refusal(count("99999999999999999999")), Refusal::TooLarge);
    assert_eq!(refusal(count("1000000000001")), Refusal::TooLarge);
    // Regression (fuzzing, value target): thirteen nines overflowed the scaling to millionths.
    for kind in [ValueKind::Count, ValueKind::Money, ValueKind::Signed] {
        assert_eq!(refusal(parse("9999999999999", kind)), Refusal::TooLarge);
        assert_eq!(refusal(parse("-9999999999999", kind)), Refusal::TooLarge);
    }
    assert_eq!(amount_of(&count("1000000000000")), Amount::from_int(1_000_000_000_000));
}

#[test]
fn refuses_other_characters_and_lone_signs() {
    assert_eq!(refusal(count("12#")), Refusal::UnexpectedCharacter { found: "#".into() });
    assert_eq!(refusal(count("+")), Refusal::NoDigits);
    assert_eq!(refusal(count("条")), Refusal::NoDigits);
}

#[test]
fn not_applicable_and_annotations() {
    assert_eq!(count("/"), Parsed::NotApplicable);
    let p = count("22（其中修订16件）");
    assert_eq!(amount_of(&p), Amount::from_int(22));
    match &p {
        Parsed::Number(n) => assert_eq!(n.note(), Some("其中修订16件")),
        _ => unreachable!(),
    }
}

#[test]
fn display_is_plain_decimal() {
    assert_eq!(Amount(160_596_400).to_string(), "160.5964");
    assert_eq!(Amount(5_949_088_667).to_string(), "5949.088667");
    assert_eq!(Amount::from_int(645).to_string(), "645");
    assert_eq!(Amount(-2_500_000).to_string(), "-2.5");
}

#[test]
fn never_panics_on_odd_text() {
    for text in
        ["\u{0}", "（", "）", "(1)", "1(", "１２３４５６７８９０１２３４５", "١٢٣", "💯", "0x1F", "1e5", "∞", "NaN"]
    {
        for kind in [ValueKind::Count, ValueKind::Money, ValueKind::Signed] {
            let _ = parse(text, kind);
        }
    }
}

/// A bidi control inside a number can make it show as another number ("1,2\u{202E}34" shows as
/// 1,243 and would read as 1234): never read as a number, whatever the control.
#[test]
fn bidi_controls_in_a_number_are_refused() {
    for control in [
        '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
        '\u{200E}', '\u{200F}', '\u{061C}',
    ] {
        for text in [format!("1,2{control}34"), format!("{control}645"), format!("645{control}")] {
            assert!(matches!(count(&text), Parsed::Refused(_)), "{text:?} must not read as a number");
        }
    }
}
