//! The preview writer: whatever a report's text holds, the HTML has no element or attribute that the
//! text put there. The same report with every markup character of its text (< > & " ') replaced by
//! a letter renders to the same markup: as many raw `<` and `"`, so no tag or attribute came from
//! the text, and the text's own markup characters are all escaped.
#![no_main]
use disclosure_report::form::FormId;
use disclosure_report::messages::Lang;
use disclosure_report::render::{html, RenderOptions};
use disclosure_report::report::Report;
use libfuzzer_sys::fuzz_target;

fn render(text: &str) -> String {
    let mut report = Report::new(FormId::F2021);
    report.title = Some(text.to_string());
    report.agency = Some(text.to_string());
    report.narrative = text.to_string();
    report.cells.insert("B:1:total".into(), text.to_string());
    report.cells.insert("A:fees:amount".into(), text.to_string());
    html(&report, &[], &RenderOptions { lang: Lang::Zh, standalone: true })
}

fuzz_target!(|text: &str| {
    let page = render(text);
    let plain: String = text.chars().map(|c| if matches!(c, '<' | '>' | '&' | '"' | '\'') { 'x' } else { c }).collect();
    let reference = render(&plain);
    for markup in ['<', '>', '"'] {
        assert_eq!(page.matches(markup).count(), reference.matches(markup).count(), "a raw {markup} from the text");
    }
});
