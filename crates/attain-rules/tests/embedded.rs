use attain_rules::{Align, Market, Rules, Usd};
use jiff::civil::date;

#[test]
fn the_shipped_cloud_platform_program_matches_the_spec() {
    let rules = Rules::embedded().unwrap();
    let p = rules.program("cloud-platform").unwrap();
    assert_eq!(p.levels.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(), ["silver", "gold"]);
    assert_eq!(p.versions.iter().map(|v| v.id.as_str()).collect::<Vec<_>>(), ["2017-07-07", "2017-11-03"]);
    assert!(p.version_on(date(2017, 7, 6)).is_none());
    assert_eq!(p.version_on(date(2017, 7, 7)).unwrap().id, "2017-07-07");
    assert_eq!(p.version_on(date(2017, 11, 2)).unwrap().id, "2017-07-07");
    assert_eq!(p.version_on(date(2017, 11, 3)).unwrap().id, "2017-11-03");
    let exam_535 = rules.catalog.lookup("exam:70-535").unwrap();
    for v in &p.versions {
        assert_eq!(v.window.months, 12);
        assert_eq!(v.window.align, Align::Month);
        let silver = v.levels[0].performance.as_ref().unwrap();
        let gold = v.levels[1].performance.as_ref().unwrap();
        assert_eq!(silver.threshold(Market::Developed), Usd(15_000_000_000));
        assert_eq!(silver.threshold(Market::Emerging), Usd(10_000_000_000));
        assert_eq!(gold.threshold(Market::Emerging), Usd(100_000_000_000));
        assert_eq!(v.levels[0].skills.as_ref().unwrap().individuals, 1);
        assert_eq!(v.levels[1].skills.as_ref().unwrap().individuals, 2);
        let lists_535 = v.levels.iter().map(|l| l.skills.as_ref().unwrap().lists(exam_535)).collect::<Vec<_>>();
        assert_eq!(lists_535, [v.id == "2017-11-03"; 2]);
    }
    let exam_534 = rules.catalog.get(rules.catalog.lookup("exam:70-534").unwrap());
    assert!(exam_534.accepted_on(date(2018, 12, 31)));
    assert!(!exam_534.accepted_on(date(2019, 1, 1)));
    assert_eq!(exam_534.replaced_by, Some(exam_535));
}

#[test]
fn windows_follow_the_spec() {
    let month = attain_rules::Window { months: 12, align: Align::Month };
    assert_eq!(month.range(date(2018, 6, 30)), (date(2017, 6, 1), date(2018, 5, 31)));
    assert_eq!(month.range(date(2018, 1, 1)), (date(2017, 1, 1), date(2017, 12, 31)));
    let day = attain_rules::Window { months: 12, align: Align::Day };
    assert_eq!(day.range(date(2018, 6, 30)), (date(2017, 7, 1), date(2018, 6, 30)));
    assert_eq!(day.range(date(2020, 2, 29)), (date(2019, 3, 1), date(2020, 2, 29)));
    assert_eq!(day.range(date(2021, 2, 28)), (date(2020, 2, 29), date(2021, 2, 28)));
}
