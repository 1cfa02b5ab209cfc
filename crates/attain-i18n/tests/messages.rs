use attain_i18n::{message_ids, negotiate, Arg, Localizer, LOCALES, SOURCES};

#[test]
fn every_message_exists_in_every_locale_and_no_locale_has_extras() {
    let source: Vec<String> = message_ids(SOURCES[0].1);
    assert!(source.len() > 60, "en-US has {} messages", source.len());
    let mut problems = Vec::new();
    for (tag, text) in &SOURCES[1..] {
        let ids = message_ids(text);
        for id in &source {
            if !ids.contains(id) {
                problems.push(format!("{tag}: missing {id} (falls back to en-US)"));
            }
        }
        for id in &ids {
            if !source.contains(id) {
                problems.push(format!("{tag}: {id} is not in en-US"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_message_formats_in_every_locale_without_errors() {
    for tag in LOCALES {
        let l = Localizer::new(tag);
        for id in message_ids(SOURCES[0].1) {
            let args = [
                "amount",
                "date",
                "start",
                "end",
                "program",
                "option",
                "version",
                "partner",
                "id",
                "market",
                "country",
                "level",
                "value",
                "threshold",
                "required",
                "previous",
                "kinds",
                "levels",
                "credentials",
                "credential",
                "reason",
                "name",
                "cause",
                "kind",
                "customer",
                "code",
                "title",
                "first",
                "second",
                "url",
                "product",
                "months",
                "replacement",
                "leveled",
                "score",
                "metrics",
                "metric",
                "max",
                "current",
                "earlier",
                "people",
                "items",
                "then",
                "column",
                "values",
                "unit",
                "category",
                "measure",
                "message",
                "expected",
                "found",
                "draft",
                "partners",
                "gained",
                "lost",
                "unchanged",
                "before",
                "after",
                "since",
                "effective",
                "as_of",
                "credited",
                "needed",
                "last",
                "from",
                "by",
                "customers",
                "with",
            ]
            .map(|a| (a, Arg::Text("X")));
            let counts = [
                "count",
                "gap",
                "rows",
                "qualified",
                "total",
                "least",
                "points",
                "lower",
                "per",
                "files",
                "errors",
                "warnings",
                "notes",
            ]
            .map(|a| (a, Arg::Count(2)));
            let all: Vec<_> = args.into_iter().chain(counts).collect();
            let text = l.msg(&id, &all);
            assert!(!text.contains('{') && !text.is_empty(), "{tag} {id}: {text:?}");
        }
    }
}

#[test]
fn numbers_money_and_dates_follow_cldr() {
    let date = jiff::civil::date(2018, 12, 31);
    let cases = [
        ("en-US", "US$15,000.50", "December 31, 2018"),
        ("fr-FR", "15\u{202f}000,50 $ US", "31 décembre 2018"),
        ("de-DE", "15.000,50 US$", "31. Dezember 2018"),
        ("ko-KR", "US$15,000.50", "2018년 12월 31일"),
        ("zh-CN", "15,000.50 美元", "2018年12月31日"),
        ("ja-JP", "15,000.50 米ドル", "2018年12月31日"),
        ("es-ES", "15.000,50 US$", "31 de diciembre de 2018"),
        ("pt-BR", "US$ 15.000,50", "31 de dezembro de 2018"),
    ];
    for (tag, money, day) in cases {
        let l = Localizer::new(tag);
        assert_eq!(l.usd_cents(1_500_050), money, "{tag}");
        assert_eq!(l.date(date), day, "{tag}");
    }
}

#[test]
fn tags_are_negotiated_to_a_supported_locale() {
    assert_eq!(negotiate("fr"), "fr-FR");
    assert_eq!(negotiate("fr_CA.UTF-8"), "fr-FR");
    assert_eq!(negotiate("ko_KR.UTF-8"), "ko-KR");
    assert_eq!(negotiate("pt-BR"), "pt-BR");
    assert_eq!(negotiate("zh-Hans-CN"), "zh-CN");
    assert_eq!(negotiate("sv-SE"), "en-US");
    assert_eq!(negotiate("garbage!"), "en-US");
}

#[test]
fn browsers_are_answered_in_their_preferred_supported_language() {
    use attain_i18n::from_accept_language as pick;
    assert_eq!(pick("ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7"), "ko-KR");
    assert_eq!(pick("fr-CA,fr;q=0.9"), "fr-FR");
    // Weights, not order, decide; an unsupported first choice falls through to the next.
    assert_eq!(pick("en;q=0.4, ja;q=0.8"), "ja-JP");
    assert_eq!(pick("nl-NL, de;q=0.5"), "de-DE");
    assert_eq!(pick("pt-PT;q=0.9, pt-BR"), "pt-BR");
    // Nothing usable: en-US.
    assert_eq!(pick(""), "en-US");
    assert_eq!(pick("*"), "en-US");
    assert_eq!(pick("fr;q=0"), "en-US");
    assert_eq!(pick("xx-YY;q=abc, ;;"), "en-US");
}

/// Korean chooses the particle after a word by how it ends: 실버로, 골드로, but 레벨 없음으로;
/// a Latin name gets both forms, as Korean writes them.
#[test]
fn korean_particles_follow_the_last_sound() {
    let ko = Localizer::new("ko-KR");
    let drops =
        |level: &str| ko.msg("explain-drops", &[("date", Arg::Text("2018년 8월 1일")), ("level", Arg::Text(level))]);
    assert_eq!(drops("실버"), "2018년 8월 1일에 실버로 하락 예정");
    assert_eq!(drops("레벨 없음"), "2018년 8월 1일에 레벨 없음으로 하락 예정");
    assert_eq!(drops("골"), "2018년 8월 1일에 골로 하락 예정", "ㄹ takes 로");
    assert_eq!(drops("Silver"), "2018년 8월 1일에 Silver(으)로 하락 예정");
    assert!(!ko.msg("dash-drops-on", &[("date", Arg::Text("d")), ("level", Arg::Text("골드"))]).contains("(으)"));
    assert_eq!(attain_i18n::hangul_final("레벨 3"), "consonant");
}
