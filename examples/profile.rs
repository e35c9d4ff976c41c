//! A fixed amount of work for a profiler (valgrind --tool=callgrind): `profile check N` runs N full
//! checks of the 2021 sample, `profile import N` N text imports of it (each followed by the check),
//! `profile edit N` the sample's cells typed N times into a fresh form, a keystroke at a time, through
//! the keystroke protocol (`Checker::edit`), reading what each changed as the page does, `profile
//! view N` the 2021 form's definition built and encoded N times, as `formDefinition` gives it to a
//! page at attach, and `profile view-build N` the same without the encoding.
use disclosure_report::engine::Mode;
use disclosure_report::import;
use disclosure_report::validate::{self, Options};

const SAMPLE: &str = include_str!("../tests/fixtures/new-2023-shuyang-fagaiju.txt");

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let what = args.get(1).map(String::as_str).unwrap_or("check");
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let options = Options { mode: Mode::Review, lang: disclosure_report::messages::Lang::Zh, agency_kind: None };
    let report = import::import(SAMPLE).expect("the sample imports").report;
    let mut total = 0;
    for _ in 0..n {
        total += match what {
            "check" => validate::validate(std::hint::black_box(&report), &options).len(),
            "table" => disclosure_report::engine::check(std::hint::black_box(&report), Mode::Review).len(),
            "import" => import::import(std::hint::black_box(SAMPLE)).expect("imports").report.cells.len(),
            "edit" => {
                let mut checker = disclosure_report::engine::Checker::new(report.form, Mode::Filling);
                let number: std::collections::HashMap<String, usize> =
                    checker.cell_ids().iter().enumerate().map(|(i, id)| (id.clone(), i)).collect();
                let mut seen = 0;
                for (id, text) in &report.cells {
                    let mut typed = String::new();
                    for c in text.chars() {
                        typed.push(c);
                        seen += checker.edit(number[id], std::hint::black_box(&typed)).expect("a cell of the form");
                        for &k in checker.changed() {
                            seen += checker.key_findings(k as usize).len();
                        }
                    }
                }
                seen
            }
            "view" => serde_json::to_string(&report.form.def().view()).expect("encodes").len(),
            "view-build" => report.form.def().view().rules.len(),
            _ => panic!("check, table, import, edit, view or view-build"),
        };
    }
    println!("{total}");
}
