//! A fixed amount of work for a profiler (valgrind --tool=callgrind): `profile check N` runs N full
//! checks of the 2021 sample, `profile import N` N text imports of it (each followed by the check).
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
            _ => panic!("check, table or import"),
        };
    }
    println!("{total}");
}
