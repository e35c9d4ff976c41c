//! Native throughput, per core: a full check of a parsed report (with messages, and the findings
//! alone), the table check alone, a text import alone, and a text import followed by the full check. `npm run bench` (scripts/bench.mjs) runs these and reads the
//! estimates criterion writes under target/criterion/.
//!
//! The samples are the real reports of tests/fixtures, one per form version that has one. Criterion
//! is a native-only dev-dependency: built for wasm32 (clippy checks every target there too), this
//! bench is an empty program.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;

    use criterion::{criterion_group, Criterion, Throughput};
    use disclosure_report::engine::{self, Mode};
    use disclosure_report::import;
    use disclosure_report::validate::{self, Options};

    /// (name in the results, the report as published).
    const SAMPLES: &[(&str, &str)] = &[
        ("2021", include_str!("../tests/fixtures/new-2023-shuyang-fagaiju.txt")),
        ("2016", include_str!("../tests/fixtures/2016-liupanshui-seed.txt")),
    ];

    /// Published reports are checked in review mode (blanks that make an identity hold read as 0).
    const REVIEW: Options =
        Options { mode: Mode::Review, lang: disclosure_report::messages::Lang::Zh, agency_kind: None };

    fn checks(c: &mut Criterion) {
        let mut group = c.benchmark_group("check");
        group.throughput(Throughput::Elements(1));
        for &(name, text) in SAMPLES {
            let report = import::import(text).expect("the sample imports").report;
            // Tables and report-level checks, with messages: what `validate` gives the browser.
            group
                .bench_function(format!("full/{name}"), |b| b.iter(|| validate::validate(black_box(&report), &REVIEW)));
            // The same findings, unsorted and without messages (`validate::collect`): what the full
            // check costs before any message is asked for.
            group.bench_function(format!("findings/{name}"), |b| {
                b.iter(|| validate::collect(black_box(&report), &REVIEW))
            });
            // The rule engine alone, without messages.
            group.bench_function(format!("table/{name}"), |b| {
                b.iter(|| engine::check(black_box(&report), Mode::Review))
            });
        }
        group.finish();
    }

    fn imports(c: &mut Criterion) {
        let mut group = c.benchmark_group("import");
        group.throughput(Throughput::Elements(1));
        for &(name, text) in SAMPLES {
            // The text read into a report, nothing checked.
            group.bench_function(format!("text/{name}"), |b| {
                b.iter(|| import::import(black_box(text)).expect("the sample imports"))
            });
            // Read and checked, with messages.
            group.bench_function(name, |b| {
                b.iter(|| {
                    let imported = import::import(black_box(text)).expect("the sample imports");
                    validate::validate(&imported.report, &REVIEW)
                })
            });
        }
        group.finish();
    }

    /// A clerk typing the 2021 sample's cells into an empty form, one character per keystroke: the rule
    /// engine's share of a keystroke in the browser (the update, its messages and its JSON), natively.
    fn keystrokes(c: &mut Criterion) {
        let report = import::import(SAMPLES[0].1).expect("the sample imports").report;
        let mut trace: Vec<(&str, String)> = Vec::new();
        for (id, text) in &report.cells {
            let mut typed = String::new();
            for ch in text.chars() {
                typed.push(ch);
                trace.push((id.as_str(), typed.clone()));
            }
        }
        let mut group = c.benchmark_group("keystroke");
        group.throughput(Throughput::Elements(trace.len() as u64));
        group.bench_function("2021", |b| {
            b.iter(|| {
                let mut checker = engine::Checker::new(report.form, Mode::Filling);
                let mut bytes = 0;
                for (id, text) in &trace {
                    let mut update = checker.set_cell(id, text).expect("the sample's cells are the form's");
                    disclosure_report::messages::localize(&mut update.diagnostics, report.form.def(), REVIEW.lang);
                    bytes += serde_json::to_string(&update).expect("an update encodes").len();
                }
                bytes
            })
        });
        group.finish();
    }

    criterion_group!(benches, checks, imports, keystrokes);

    /// What `criterion_main!` would write, callable from the one `main` of both targets.
    pub fn run() {
        benches();
        Criterion::default().configure_from_args().final_summary();
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    native::run();
}
