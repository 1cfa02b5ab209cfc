//! Every kind of invalid input of SPEC section 3 is refused with file, line and column.

use std::collections::BTreeMap;

use attain_input::{read, MemorySource};

fn valid() -> BTreeMap<&'static str, &'static str> {
    BTreeMap::from([
        ("partners.csv", "partner_id,name,country,market\nP1,Contoso,US,\nP2,Tailspin,IN,emerging\n"),
        (
            "associations.csv",
            "partner_id,customer_id,kind,start,end\nP1,C1,DPOR,2017-01-01,\nP2,C1,TPOR,2017-01-01,2018-12-31\n",
        ),
        ("consumption.csv", "customer_id,date,amount,currency\nC1,2018-01-15,100.50,USD\nC1,2018-02-15,-20,EUR\n"),
        ("fx_rates.csv", "currency,month,usd_per_unit\nEUR,2018-01,1.22\nEUR,2018-02,1.2348\n"),
        ("people.csv", "person_id,partner_id,name,joined,left\nA,P1,Avery,2015-01-01,\nB,P2,Blake,,2018-01-01\n"),
        ("achievements.csv", "person_id,credential,date\nA,exam:70-533,2017-01-10\nB,exam:unknown,2017-01-10\n"),
    ])
}

/// Files replaced (`Some`) or removed (`None`) from the valid base.
type Changes<'a> = &'a [(&'static str, Option<&'static str>)];

fn source(changes: Changes<'_>) -> MemorySource {
    let mut files = valid();
    for (name, text) in changes {
        match text {
            Some(text) => files.insert(name, text),
            None => files.remove(name),
        };
    }
    MemorySource { label: "data".into(), files: files.into_iter().map(|(k, v)| (k.to_owned(), v.to_owned())).collect() }
}

#[test]
fn the_valid_base_reads() {
    let facts = read(&source(&[])).unwrap();
    assert_eq!(facts.partners.len(), 2);
    assert_eq!(facts.consumption[1].usd.micros(), -24_696_000);
}

#[test]
fn each_kind_of_invalid_input_names_file_line_and_column() {
    let cases: &[(&str, Changes, &str)] = &[
        ("missing file", &[("people.csv", None)], "data/people.csv: missing file: people.csv is required"),
        (
            "missing required column",
            &[("consumption.csv", Some("customer_id,date,currency\nC1,2018-01-15,USD\n"))],
            "data/consumption.csv:1:1: missing required column `amount`",
        ),
        (
            "unparsable date",
            &[(
                "consumption.csv",
                Some("customer_id,date,amount,currency\nC1,2018-01-15,1,USD\nC1,2018-02-30,1,USD\n"),
            )],
            "data/consumption.csv:3:2: date: \"2018-02-30\" is not a calendar date",
        ),
        (
            "date in another format",
            &[("associations.csv", Some("partner_id,customer_id,kind,start\nP1,C1,DPOR,01/02/2017\n"))],
            "data/associations.csv:2:4: start: date \"01/02/2017\" must be written YYYY-MM-DD",
        ),
        (
            "unparsable amount",
            &[("consumption.csv", Some("customer_id,date,amount,currency\nC1,2018-01-15,\"1,5\",USD\n"))],
            "data/consumption.csv:2:3: amount: amount \"1,5\": expected a decimal number",
        ),
        (
            "unparsable rate",
            &[("fx_rates.csv", Some("currency,month,usd_per_unit\nEUR,2018-01,abc\nEUR,2018-02,1\n"))],
            "data/fx_rates.csv:2:3: usd_per_unit: usd_per_unit \"abc\"",
        ),
        (
            "unparsable month",
            &[("fx_rates.csv", Some("currency,month,usd_per_unit\nEUR,2018-1,1\n"))],
            "data/fx_rates.csv:2:2: month: month \"2018-1\" must be written YYYY-MM",
        ),
        (
            "unknown association kind",
            &[(
                "associations.csv",
                Some("partner_id,customer_id,kind,start\nP1,C1,DPOR,2017-01-01\nP1,C2,MPN,2017-01-01\n"),
            )],
            "data/associations.csv:3:3: kind: unknown association kind \"MPN\": expected DPOR, TPOR, DAP, CSP or PAL",
        ),
        (
            "unknown market",
            &[("partners.csv", Some("partner_id,name,country,market\nP1,Contoso,US,mature\n"))],
            "data/partners.csv:2:4: market: unknown market \"mature\"",
        ),
        (
            "country that is not ISO 3166-1 alpha-2",
            &[("partners.csv", Some("partner_id,name,country\nP1,Contoso,USA\nP2,Tailspin,IN\n"))],
            "data/partners.csv:2:3: country: \"USA\" is not an ISO 3166-1 alpha-2 country code",
        ),
        (
            "country code that does not exist",
            &[("partners.csv", Some("partner_id,name,country\nP1,Contoso,XX\nP2,Tailspin,IN\n"))],
            "data/partners.csv:2:3: country: \"XX\" is not an ISO 3166-1 alpha-2",
        ),
        (
            "duplicate partner_id",
            &[("partners.csv", Some("partner_id,name,country\nP1,Contoso,US\nP2,Tailspin,IN\nP1,Again,DE\n"))],
            "data/partners.csv:4:1: partner_id: duplicate partner_id \"P1\" (first on line 2)",
        ),
        (
            "duplicate person_id",
            &[("people.csv", Some("person_id,partner_id,name\nA,P1,Avery\nB,P2,Blake\nA,P2,Again\n"))],
            "data/people.csv:4:1: person_id: duplicate person_id \"A\" (first on line 2)",
        ),
        (
            "second rate for the same currency and month",
            &[(
                "fx_rates.csv",
                Some("currency,month,usd_per_unit\nEUR,2018-01,1.22\nEUR,2018-02,1.23\nEUR,2018-01,1.5\n"),
            )],
            "data/fx_rates.csv:4:2: month: second rate for EUR in 2018-01 (first on line 2)",
        ),
        (
            "association naming an unknown partner",
            &[("associations.csv", Some("partner_id,customer_id,kind,start\nP9,C1,DPOR,2017-01-01\n"))],
            "data/associations.csv:2:1: partner_id: unknown partner \"P9\"",
        ),
        (
            "person naming an unknown partner",
            &[("people.csv", Some("person_id,partner_id,name\nA,P1,Avery\nB,P9,Blake\n"))],
            "data/people.csv:3:2: partner_id: unknown partner \"P9\"",
        ),
        (
            "achievement naming an unknown person",
            &[("achievements.csv", Some("person_id,credential,date\nZ,exam:70-533,2017-01-10\n"))],
            "data/achievements.csv:2:1: person_id: unknown person \"Z\"",
        ),
        (
            "end before start",
            &[("associations.csv", Some("partner_id,customer_id,kind,start,end\nP1,C1,DPOR,2017-01-01,2016-12-31\n"))],
            "data/associations.csv:2:5: end: end 2016-12-31 is before start 2017-01-01",
        ),
        (
            "left before joined",
            &[(
                "people.csv",
                Some("person_id,partner_id,name,joined,left\nA,P1,Avery,2017-01-02,2017-01-01\nB,P2,Blake,,\n"),
            )],
            "data/people.csv:2:5: left: left 2017-01-01 is before joined 2017-01-02",
        ),
        (
            "non-USD row without a rate for its month",
            &[(
                "consumption.csv",
                Some("customer_id,date,amount,currency\nC1,2018-01-15,1,EUR\nC1,2018-03-15,1,EUR\n"),
            )],
            "data/consumption.csv:3:4: currency: no rate for EUR in 2018-03 in fx_rates.csv",
        ),
        (
            "a currency code ISO 4217 does not list: a typo, said as one",
            &[(
                "consumption.csv",
                Some("customer_id,date,amount,currency\nC1,2018-01-15,1,USD\nC1,2018-03-15,1,UDS\n"),
            )],
            "data/consumption.csv:3:4: currency: no rate for UDS in 2018-03 in fx_rates.csv (ISO 4217 lists no such currency: a typo?",
        ),
        (
            "non-USD row and no fx_rates.csv at all",
            &[("fx_rates.csv", None)],
            "data/consumption.csv:3:4: currency: no rate for EUR in 2018-02: add fx_rates.csv",
        ),
        (
            "currency that is not ISO 4217",
            &[("consumption.csv", Some("customer_id,date,amount,currency\nC1,2018-01-15,1,EURO\n"))],
            "data/consumption.csv:2:4: currency: \"EURO\" is not an ISO 4217 currency code",
        ),
        (
            "empty required value",
            &[("achievements.csv", Some("person_id,credential,date\nA,,2017-01-10\n"))],
            "data/achievements.csv:2:2: credential: required value is empty",
        ),
        (
            "row with too many fields",
            &[("partners.csv", Some("partner_id,name,country\nP1,Contoso,US\nP2,Tailspin,IN,extra\n"))],
            "data/partners.csv:3:4: row has 4 fields, the header has 3",
        ),
        (
            "line numbers count CRLF line ends",
            &[(
                "consumption.csv",
                Some("customer_id,date,amount,currency\r\nC1,2018-05-01,1,USD\r\nC1,2018-05-01,x,USD\r\n"),
            )],
            "data/consumption.csv:3:3: amount",
        ),
        (
            "line numbers count blank lines, which are skipped",
            &[(
                "consumption.csv",
                Some("customer_id,date,amount,currency\r\nC1,2018-05-01,1,USD\r\n\r\n\nC1,2018-05-01,x,USD\n"),
            )],
            "data/consumption.csv:5:3: amount",
        ),
        (
            "a duplicate in a CRLF file names both lines right",
            &[("partners.csv", Some("partner_id,name,country\r\nP1,a,US\r\nP2,b,US\r\nP1,c,US\r\n"))],
            "data/partners.csv:4:1: partner_id: duplicate partner_id \"P1\" (first on line 2)",
        ),
        (
            "a line number counts the lines of a quoted multi-line field",
            &[("partners.csv", Some("partner_id,name,country\nP1,\"Contoso\nCloud\",US\nP2,Tailspin,ZZ\n"))],
            "data/partners.csv:4:3: country",
        ),
    ];
    for (what, changes, expected) in cases {
        let errors = read(&source(changes)).expect_err(what);
        let shown = errors.to_string();
        assert!(shown.contains(expected), "{what}: expected {expected:?} in:\n{shown}");
    }
}

#[test]
fn all_problems_are_reported_together_and_nothing_is_returned() {
    let errors = read(&source(&[
        ("partners.csv", Some("partner_id,name,country\nP1,Contoso,USA\nP2,Tailspin,IN\n")),
        ("achievements.csv", Some("person_id,credential,date\nA,exam:70-533,yesterday\n")),
    ]))
    .unwrap_err();
    // Both problems, and no echo of the first: P1 is still known to the files that name it.
    assert_eq!(errors.0.len(), 2, "{errors}");
    assert!(errors.to_string().starts_with("data/partners.csv:2:3: "), "{errors}");
    assert!(errors.to_string().contains("data/achievements.csv:2:3: "), "{errors}");
}

#[test]
fn consumption_is_checked_whatever_the_files_before_it_said() {
    let errors = read(&source(&[
        ("partners.csv", Some("partner_id,name,country\nP1,Contoso,USA\nP2,Tailspin,IN\n")),
        ("consumption.csv", Some("customer_id,date,amount,currency\nC1,2018-02-30,100.50,USD\n")),
    ]))
    .unwrap_err();
    assert_eq!(errors.0.len(), 2, "{errors}");
    assert!(errors.to_string().contains("data/consumption.csv:2:2: "), "{errors}");
}

#[test]
fn the_format_is_forgiving_where_the_spec_allows() {
    // A BOM, columns in another order, extra columns, quoted fields, CRLF line ends, optional columns absent.
    let facts = read(&source(&[
        ("partners.csv", Some("\u{feff}country,notes,partner_id,name\r\nUS,\"big, \"\"old\"\" client\",P1,\"Contoso, Inc.\"\r\nIN,,P2,Tailspin\r\n")),
        ("people.csv", Some("partner_id,person_id,name\nP1,A,Avery\nP2,B,Blake\n")),
    ]))
    .unwrap();
    assert_eq!(facts.partners[0].name, "Contoso, Inc.");
    assert_eq!(facts.partners[0].market, None);
    assert_eq!(facts.people[0].joined, None);
}
