# attain — Meldungen für Menschen, de-DE (übersetzt aus en-US).
# Variablen: Zahlen, Beträge und Datumsangaben kommen bereits für das Gebietsschema
# formatiert an (ICU4X, CLDR-Daten), außer Pluralselektoren, die einfache Zahlen sind.

## Vocabulary

market-developed = Industrieland
market-emerging = Schwellenland
level-none = keine Stufe
# Ein Betrag in US-Dollar; $amount ist die für das Gebietsschema formatierte Zahl.
money-usd = { $amount } US$
credential-kind-exam = Prüfung
credential-kind-assessment = Assessment
credential-kind-certification = Zertifizierung
# Eine Qualifikation im Fließtext: „Prüfung 70-534 (Architecting Microsoft Azure Solutions)“.
credential-in-text = { $kind } { $code } ({ $title })
# A credential no program lists: its kind and code.
credential-code-in-text = { $kind } { $code }
list-and = { $first } und { $second }
list-or = { $first } oder { $second }
association-DPOR = Digital Partner of Record
association-TPOR = Transacting Partner of Record
association-DAP = delegierte Administratorrechte
association-CSP = Cloud Solution Provider
association-PAL = Partner Admin Link
# Ein ganzzahliger Prozentsatz; $value ist die für das Gebietsschema formatierte Zahl.
# Vor dem % steht wie in CLDR ein geschütztes Leerzeichen (U+00A0).
unit-percent = { $value } %

## attain evaluate --format table

table-title = { $program } ({ $option }) · Regelversion { $version } · Stand: { $date } · Zeitraum { $start } bis { $end }
table-partner = PARTNER
table-name = NAME
table-market = MARKT
table-level = STUFE
table-consumption = NUTZUNG (USD)
table-individuals = PERSONEN
table-drops-on = HERABSTUFUNG AM
table-score = PUNKTZAHL
table-summary = { $total ->
    [one] 1 Partner
   *[other] { $total } Partner
  }: { $leveled } mit Stufe
table-summary-level = { $count } { $level }

## attain explain

explain-title = { $partner } ({ $id }) · { $program }-Kompetenz, Option { $option }
explain-context = Stand: { $date } · Regelversion { $version } · Markt: { $market } ({ $country })
explain-window = Nutzungszeitraum: { $start } bis { $end }
explain-level = Stufe: { $level }
explain-drops = Herabstufung am { $date } auf: { $level }
explain-requirements = Anforderungen
explain-level-met = { $level }: erfüllt
explain-level-not-met = { $level }: nicht erfüllt
explain-consumption = Nutzung: { $value } von { $threshold }
explain-individuals = Personen: { $value } von { $required }
explain-met = erfüllt
explain-gap-consumption = es fehlen noch { $gap } an Nutzung
explain-gap-individuals = { $gap ->
    [one] es fehlt noch 1 Person
   *[other] es fehlen noch { $gap } Personen
  }
explain-customers = Kunden im Zeitraum (angerechnet bei Zuordnung als { $kinds })
explain-nothing = keine
explain-excluded-kind = ausgeschlossen { $amount }: nur über { $kinds } zugeordnet, was nicht zählt
explain-excluded-date = ausgeschlossen { $amount } ({ $rows ->
    [one] 1 Zeile
   *[other] { $rows } Zeilen
  }): an diesen Tagen keine Zuordnung als { $kinds }
explain-people = Personen
explain-no-people = keine erfasst
explain-counts = zählt für { $levels } mit { $credentials }
explain-not-counted = zählt nicht: { $reason }
reason-not-yet-joined = Eintritt am { $date }
reason-left = ausgeschieden am { $date }
reason-no-longer-accepted = { $credential } wurde nur bis zum { $date } anerkannt
reason-achieved-after = { $credential } am { $date } bestanden, also nach dem Stichtag
reason-incomplete = benötigt noch { $credentials }
reason-not-qualifying = hat keine anrechenbare Qualifikation ({ $credentials })
reason-no-achievements = keine Prüfung und kein Assessment erfasst
explain-warnings = In den nächsten 12 Monaten
warning-person = { $date }: { $name } ({ $id }) zählt nicht mehr: { $cause }
cause-leaves = scheidet am { $date } aus
cause-no-longer-accepted = { $credential } wird nur bis zum { $date } anerkannt
cause-not-listed = Regelversion { $version } führt die Qualifikation dieser Person nicht mehr auf
warning-association = { $date }: Die Zuordnung als { $kind } für { $customer } endet; spätere Nutzung wird nicht angerechnet
explain-why-drop = Grund für die Herabstufung am { $date }
drop-consumption = die Nutzung in diesem Zeitraum beträgt { $value } und liegt damit unter { $threshold }
drop-individuals = { $qualified ->
    [one] 1 qualifizierte Person
   *[other] { $qualified } qualifizierte Personen
  } von { $required } erforderlichen
drop-note = (berücksichtigt nur die bis zum { $date } erfasste Nutzung)

## attain explain, Programme mit Kennzahlen (z. B. eine Partnerfunktionsbewertung)

metric-explain-title = { $partner } ({ $id }) · { $program } · { $option }
metric-explain-context = Stand: { $date } · Regelversion { $version } · { $country }
metric-explain-months = Gemessene Monate: { $start } bis { $end }
metric-explain-score = Punktzahl { $score } von { $total } erforderlichen Punkten; jede Kennzahl braucht mindestens { $least ->
    [one] 1 Punkt
   *[other] { $least } Punkte
  }
metric-explain-below-minimum = unter der Mindestpunktzahl: { $metrics }
metric-explain-threshold = { $metric }: { $value } von { $required }
metric-explain-metrics = Kennzahlen
metric-explain-points = { $metric }: { $value } · { $points ->
    [one] 1 Punkt
   *[other] { $points } Punkte
  } von { $max }
metric-explain-value = { $metric }: { $value }
metric-explain-change = jetzt { $current }, ein Jahr zuvor { $earlier }
metric-explain-prerequisite = zählt nur, wenn { $required ->
    [one] 1 qualifizierte Person die Voraussetzung erfüllt
   *[other] { $required } qualifizierte Personen die Voraussetzung erfüllen
  }; erfüllt wird sie von { $people }
metric-explain-counted = gezählt: { $items }
metric-explain-not-counted = nicht gezählt: { $items }
metric-explain-excluded = Nutzung, die für keine Kennzahl zählt
metric-excluded-rows = { $reason }: { $amount } ({ $rows ->
    [one] 1 Zeile
   *[other] { $rows } Zeilen
  })
metric-excluded-kind = nur über { $kinds } zugeordnet, was nicht zählt
metric-excluded-outside = an diesen Tagen keine anrechenbare Zuordnung
column-service = Dienst
column-offer = Angebot
metric-excluded-column = { $column } „{ $value }“, von den Regeln ausgenommen
metric-drop-points = { $metric }: jetzt { $value }, dann { $then } · { $points ->
    [one] 1 Punkt
   *[other] { $points } Punkte
  } → { $lower }
metric-drop-value = { $metric }: jetzt { $value }, dann { $then }
metric-drop-score = Punktzahl dann: { $score }
because-below_least_amount = unter dem monatlichen Mindestbetrag
because-not_counted_by_rule = nach den Regeln nicht gezählt
because-no_consumption_above_zero = keine Nutzung über null
because-prerequisite_not_met = Voraussetzung nicht erfüllt
because-incomplete = es fehlt noch

## attain requirements (die Anforderungsseite einer Programmversion)

req-title = { $program }-Kompetenz
req-option = Option { $option }
req-steps = Führen Sie alle folgenden Schritte aus, um die { $program }-Kompetenz zu erwerben.
req-performance = Ihre Organisation muss die Leistungsschwellenwerte erreichen.
req-market-developed = Industrieländer
req-market-emerging = Schwellenländer
req-threshold-month = Partner müssen innerhalb der letzten { $months } Monate eine { $product }-Nutzung durch Kunden in Höhe von { $amount } nachweisen
req-threshold-day = Partner müssen innerhalb der { $months } Monate bis zum Tag der Überprüfung eine { $product }-Nutzung durch Kunden in Höhe von { $amount } nachweisen
req-associations = Für diese Kunden müssen Sie als { $kinds } zugeordnet sein.
req-learn-more = [Weitere Informationen]({ $url }) zu diesen Zuordnungen.
req-individuals = In Ihrer Organisation { $count ->
    [one] muss **{ $count }** Person
   *[other] müssen **{ $count }** Personen
  } die Prüfungs- oder Assessmentanforderungen erfüllen.
req-assessments = { $count ->
    [one] **{ $count }** Person muss
   *[other] **{ $count }** Personen müssen
  } eines der folgenden Assessments bestehen:
req-exams = { $count ->
    [one] **{ $count }** Person muss
   *[other] **{ $count }** Personen müssen
  } eine der folgenden Prüfungen bestehen:
req-or = ODER
req-all-of = { $credentials } (alle erforderlich)
req-exam = Prüfung { $code }
req-retires = Wird am { $date } eingestellt.
req-accepted-until = Diese Prüfung wird bis zum { $date } für den Erwerb der Kompetenz anerkannt.
req-registration-until = Sie können sich bis zum { $date } für diese Prüfung anmelden.
req-replacement = Nach dem { $date } müssen Sie sich für die oben aufgeführte Ersatzprüfung { $replacement } anmelden.
req-version = Regelversion { $version }, gültig ab { $date }.

# Versionen, die ihre Stufen in Kennzahlen angeben (Punktzahl, Schwellenwerte auf Werten).
req-metric-title = { $program }: Anforderungen
req-metric-steps = Ihre Organisation erreicht eine Stufe, wenn sie alles erfüllt, was unten für diese Stufe aufgeführt ist; der Abschnitt zu den Kennzahlen erläutert, wie die Kennzahlen gemessen und bepunktet werden.
req-metric-score-total = Ihre Organisation muss in den unten aufgeführten Kennzahlen insgesamt mindestens { $total ->
    [one] **{ $total }** Punkt
   *[other] **{ $total }** Punkte
  } erreichen.
req-metric-score-each = Jede Kennzahl muss mindestens { $least ->
    [one] **{ $least }** Punkt
   *[other] **{ $least }** Punkte
  } erreichen.
req-metric-score-each-scored = Jede Kennzahl, die Punkte vergibt, muss mindestens { $least ->
    [one] **{ $least }** Punkt
   *[other] **{ $least }** Punkte
  } erreichen.
req-metric-score-most = Die Kennzahlen ergeben zusammen höchstens { $points ->
    [one] **{ $points }** Punkt
   *[other] **{ $points }** Punkte
  }.
req-metric-thresholds = Ihre Organisation muss diese Werte der Kennzahlen erreichen:
req-metric-threshold = { $metric }: mindestens **{ $value }**
req-metric-heading = Kennzahlen
req-metric-last-month = Die Nutzung wird in Kalendermonaten gezählt: Der **letzte Monat** ist der letzte vollständige Monat vor dem Tag der Überprüfung.
req-metric-associations = Die Nutzung zählt für Ihre Organisation, wenn sie dem Kunden am Tag der Nutzung als { $kinds } zugeordnet ist.
req-metric-associations-reported = Die gemeldeten Werte eines Kunden zählen für Ihre Organisation, wenn sie dem Kunden am Tag der Überprüfung als { $kinds } zugeordnet ist.
req-metric-excluded-offer = Die Nutzung der Angebote { $values } zählt für keine Kennzahl.
req-metric-excluded-service = Die Nutzung der Dienste { $values } zählt für keine Kennzahl.
req-metric-people-day = Personen werden am Tag der Überprüfung gezählt: Jede muss an diesem Tag Ihrer Organisation angehören und einen aufgeführten Nachweis besitzen, der nicht abgelaufen ist und noch anerkannt wird. Eine Person zählt je Kennzahl einmal, gleich wie viele der aufgeführten Nachweise sie besitzt.
# Ein Wert der Daten (Name eines Dienstes oder Angebots), in Anführungszeichen.
req-metric-value = „{ $value }“
req-metric-category = Kategorie: { $category }
req-metric-category-performance = Leistung
req-metric-category-skilling = Qualifizierung
req-metric-category-customer-success = Kundenerfolg
req-metric-consumption = { $months ->
    [one] { $product }-Nutzung, die Ihrer Organisation im letzten Monat angerechnet wurde.
   *[other] { $product }-Nutzung, die Ihrer Organisation in den { $months } Monaten bis einschließlich des letzten Monats angerechnet wurde.
  }
req-metric-customers = { $months ->
    [one] Die Anzahl der Kunden, deren Ihrer Organisation angerechnete { $product }-Nutzung im letzten Monat mindestens { $amount } betrug.
   *[other] Die Anzahl der Kunden, deren Ihrer Organisation angerechnete { $product }-Nutzung in mindestens einem der { $months } Monate bis einschließlich des letzten Monats mindestens { $amount } betrug.
  }
req-metric-distinct-service = { $months ->
    [one] Die Anzahl verschiedener Dienste mit einer Ihrer Organisation angerechneten { $product }-Nutzung über null im letzten Monat.
   *[other] Die Anzahl verschiedener Dienste mit einer Ihrer Organisation angerechneten { $product }-Nutzung über null in den { $months } Monaten bis einschließlich des letzten Monats.
  }
req-metric-distinct-offer = { $months ->
    [one] Die Anzahl verschiedener Angebote mit einer Ihrer Organisation angerechneten { $product }-Nutzung über null im letzten Monat.
   *[other] Die Anzahl verschiedener Angebote mit einer Ihrer Organisation angerechneten { $product }-Nutzung über null in den { $months } Monaten bis einschließlich des letzten Monats.
  }
req-metric-except = Nicht gezählt: { $values }.
req-metric-people-any = Die Anzahl der Personen in Ihrer Organisation, die einen der folgenden Nachweise besitzen:
req-metric-people-all = Die Anzahl der Personen in Ihrer Organisation, die alle folgenden Nachweise besitzen:
req-metric-latest = Die Summe der zuletzt gemeldeten Werte { $measure } (gemeldet bis zum Tag der Überprüfung) über alle Kunden, die Ihrer Organisation an diesem Tag angerechnet werden.
req-metric-prerequisite = Sie zählt nur, wenn mindestens { $count ->
    [one] **{ $count }** Person einen der folgenden Nachweise besitzt:
   *[other] **{ $count }** Personen einen der folgenden Nachweise besitzen:
  }
req-metric-change = Die Kennzahl ist die Veränderung über { $months } Monate: dieser Wert jetzt minus derselbe Wert vor { $months } Monaten.
req-metric-growth = Die Kennzahl ist das Wachstum über { $months } Monate in ganzen Prozent, abgerundet: der Anstieg gegenüber dem Wert vor { $months } Monaten, bezogen auf diesen früheren Wert.
req-metric-growth-base = Sie ist 0, außer wenn der frühere Wert über null liegt und der aktuelle Wert mindestens { $amount } beträgt.
req-metric-growth-above-zero = Sie ist 0, außer wenn der frühere Wert über null liegt.
req-metric-points = { $per ->
    [one] **{ $per }** Punkt
   *[other] **{ $per }** Punkte
  } pro { $unit }, höchstens { $max ->
    [one] **{ $max }** Punkt
   *[other] **{ $max }** Punkte
  }.
req-metric-unit-customers = { $count ->
    [one] Kunde
   *[other] { $count } Kunden
  }
req-metric-unit-people = { $count ->
    [one] Person
   *[other] { $count } Personen
  }
req-metric-unit-service = { $count ->
    [one] Dienst
   *[other] { $count } Dienste
  }
req-metric-unit-offer = { $count ->
    [one] Angebot
   *[other] { $count } Angebote
  }
req-metric-unit-percent = { $count ->
    [one] Prozentpunkt
   *[other] { $count } Prozentpunkte
  }
req-metric-unit-number = { $count ->
    [one] Einheit des Werts
   *[other] { $count } Einheiten des Werts
  }
req-metric-retires = Einstellungsdatum: { $date }.
req-metric-accepted-until = Wird bis zum { $date } angerechnet.
req-metric-registration-until = Kann bis zum { $date } erworben werden.
req-metric-replacement = Nachfolger: { $replacement }.

## attain serve: das Dashboard (HTML-Seiten für Partner und Betreiber)

dash-signin-title = Anmelden
dash-signin-help = Fügen Sie das Zugriffstoken ein, das Sie erhalten haben; es beginnt mit attain_. Dieser Browser speichert es in einem Cookie, das Skripte nicht lesen können.
dash-signin-token = Zugriffstoken
dash-signin-submit = Anmelden
dash-signin-failed = Dieses Token ist ungültig oder wurde widerrufen.
dash-signout = Abmelden
dash-as-of = Stand
dash-level = Stufe
dash-score = Punktzahl
dash-drops-on-date = Herabstufung am
dash-as-of-snapshot = (Datum des letzten Snapshots)
dash-as-of-data = (Ende des letzten Monats der Daten)
dash-as-of-today = (heute)
dash-language = Sprache
dash-show = Anzeigen
dash-market = Markt: { $market } · { $country }
dash-window = Nutzungszeitraum: { $start } bis { $end }
dash-version = Regelversion { $version }
dash-drops-on = Herabstufung am { $date } auf: { $level }
dash-no-drop = Keine Herabstufung in den nächsten 13 Monaten absehbar
dash-requirements = Anforderungen
dash-consumption = Nutzung durch Kunden
dash-individuals = Qualifizierte Personen
dash-of = { $value } von { $threshold }
dash-chart = Angerechnete Nutzung pro Monat
dash-chart-window = Zeitraum
dash-chart-cumulative = Kumulierte Summe im Zeitraum
dash-chart-threshold = Schwellenwert für { $level }: { $amount }
dash-chart-off-scale = { $threshold } (oberhalb des Diagramms)
dash-customers = Kunden mit angerechneter Nutzung
dash-customer = Kunde
dash-credited = Angerechnet
dash-associations = Zuordnungen
dash-note = Hinweis
dash-people = Personen
dash-person = Person
dash-status = Status
dash-warnings = Warnungen
dash-no-warnings = In den nächsten 12 Monaten endet keine Anrechnung.
dash-history = Statusverlauf
dash-no-history = Noch keine Snapshots. Betreiber erstellen sie mit attain snapshot.
dash-change-attained = { $level } erreicht
dash-change-lost = { $level } verloren
dash-change-between = (zwischen { $previous } und { $date })
dash-overview = Alle Partner
dash-per-level = Partner pro Stufe
dash-search = Nach ID, Name oder Land suchen
dash-search-submit = Suchen
dash-dropping = Herabstufungen in den nächsten 90 Tagen
dash-none-dropping = Keine Herabstufungen in den nächsten 90 Tagen.
dash-results = { $count ->
    [one] 1 Partner
   *[other] { $count } Partner
  }
dash-partner = Partner
dash-name = Name
dash-country = Land
dash-not-found = Partner nicht gefunden.
dash-admin-only = Diese Seite ist Betreibern vorbehalten; Ihr Zugriffstoken gehört einem Partner. Ihre eigene Seite finden Sie unter /partners/IHRE-ID.
dash-busy = Der Dienst bewertet gerade ganze Programme; bitte in einigen Sekunden erneut versuchen.

## attain lint (Befunde auf einer Anforderungsseite; $level und $metric sind Namen, $version ist eine Versions-ID,
## $market ist `developed` oder `emerging`)
lint-statement = { $message } (erwartet: { $expected }, gefunden: { $found })
lint-summary = { $files ->
    [one] 1 Datei
   *[other] { $files } Dateien
  }, { $errors ->
    [one] 1 Fehler
   *[other] { $errors } Fehler
  }, { $warnings ->
    [one] 1 Warnung
   *[other] { $warnings } Warnungen
  }, { $notes ->
    [one] 1 Hinweis
   *[other] { $notes } Hinweise
  }
lint-none = keine
lint-not-listed = nicht aufgeführt
lint-not-stated = nicht angegeben
lint-not-described = nicht beschrieben
lint-no-amount = kein Betrag
lint-no-points = keine Punkte
lint-no-threshold = kein Schwellenwert
lint-no-title = kein Titel
lint-no-date = kein Datum
lint-a-metric = eine Kennzahl
lint-catalog-credential = eine Qualifikation aus dem Katalog
lint-months = { $count ->
    [one] 1 Monat
   *[other] { $count } Monate
  }
lint-program-unknown = die Seite beschreibt kein Programm, das attain kennt; es wurde nichts geprüft
lint-page-date = das Datum der Seite hat nicht das Format MM/DD/YYYY; geprüft anhand der neuesten Regelversion { $version }
lint-version-announced = die Seite mit Datum { $date } liegt vor der ersten Version von { $program }; geprüft anhand der von ihr angekündigten Version { $version } (gültig ab { $start })
lint-no-requirements = keine Anforderungen angegeben
lint-no-requirements-commented = keine Anforderungen angegeben (der Inhalt der Seite ist auskommentiert)
lint-market-heading = { $level }: Diese Überschrift über einem Schwellenwert nennt keinen Markt, den attain erkennen kann; der Schwellenwert darunter wird mit den Schwellenwerten aller Märkte verglichen
lint-threshold-none = Stufe { $level } hat in der Regelversion { $version } keinen Nutzungsschwellenwert
lint-threshold = Schwellenwert der Stufe { $level } widerspricht den Regeln
lint-threshold-market = Schwellenwert der Stufe { $level } für { $market ->
    [developed] Industrieländer
   *[emerging] Schwellenländer
  } widerspricht den Regeln
lint-threshold-unidentified = Schwellenwert der Stufe { $level } gehört laut den Regeln zu keinem Markt
lint-threshold-missing = Stufe { $level } nennt keinen Schwellenwert für { $market ->
    [developed] Industrieländer
   *[emerging] Schwellenländer
  }, obwohl die Regelversion { $version } einen festlegt
lint-window = Nutzungszeitraum der Stufe { $level } widerspricht den Regeln
lint-individuals = Personenzahl der Stufe { $level } widerspricht den Regeln
lint-credential-unlisted = Stufe { $level } führt { $id } auf, die Regelversion { $version } jedoch nicht
lint-credential-missing = Stufe { $level } führt { $id } nicht auf, obwohl die Regelversion { $version } diese Qualifikation verlangt
lint-metric-credential-unlisted = Kennzahl { $metric } führt { $id } auf, doch die Regelversion { $version } zählt diese Qualifikation nicht für sie
lint-metric-credential-missing = Kennzahl { $metric } führt { $id } nicht auf, obwohl die Regelversion { $version } diese Qualifikation für sie zählt
lint-credential-unknown = die Seite nennt { $id }, doch kein Katalog kennt diese Qualifikation
lint-credential-title = { $id } trägt einen Titel mit { $product }, einem Produkt, das im offiziellen Titel nicht vorkommt
lint-date = Datum ist weder Einstellungsdatum noch Anmeldeschluss noch Ende der Anerkennung einer aufgeführten Qualifikation
lint-segment-numbers = übersetztes Segment weicht bei den Zahlen von seiner Quelle ab
lint-segment-dates = übersetztes Segment weicht bei den Datumsangaben von seiner Quelle ab
lint-segment-links = übersetztes Segment weicht bei den Links von seiner Quelle ab
lint-segment-products = übersetztes Segment weicht bei den Produktnamen von seiner Quelle ab
lint-segment-names = übersetztes Segment nennt das Programm, die Option oder eine Stufe weder wie im Englischen noch wie im Glossar übersetzt
lint-metric-missing = die Seite beschreibt { $metric } nicht, obwohl die Regelversion { $version } diese Kennzahl festlegt
lint-score-none = Stufe { $level } hat in der Regelversion { $version } keine Punktzahl
lint-score-total = Gesamtpunktzahl der Stufe { $level } widerspricht den Regeln
lint-score-each = Mindestpunktzahl je Kennzahl der Stufe { $level } widerspricht den Regeln
lint-score-highest = höchstmögliche Punktzahl der Stufe { $level } widerspricht den Regeln
lint-metric-threshold-none = Stufe { $level } hat in der Regelversion { $version } keinen Schwellenwert für { $metric }
lint-metric-threshold = Schwellenwert der Stufe { $level } für { $metric } widerspricht den Regeln
lint-metric-threshold-market = Schwellenwert der Stufe { $level } für { $metric } in { $market ->
    [developed] Industrieländern
   *[emerging] Schwellenländern
  } widerspricht den Regeln
lint-points-none = Kennzahl { $metric } ergibt in der Regelversion { $version } keine Punkte
lint-points-cap = Punkteobergrenze der Kennzahl { $metric } widerspricht den Regeln
lint-points-rate = Punkte pro Einheit der Kennzahl { $metric } widersprechen den Regeln
lint-metric-amount = Betrag der Kennzahl { $metric } widerspricht den Regeln
lint-metric-months = Monatszahl der Kennzahl { $metric } widerspricht den Regeln
lint-prerequisite = Personenzahl für die Voraussetzung der Kennzahl { $metric } widerspricht den Regeln

## attain compare: ein Entwurf im Vergleich zur geltenden Version
compare-title = { $program }: Regelversion { $version } (gültig) im Vergleich zum Entwurf { $draft }, Stand: { $date }
compare-summary = { $partners ->
    [one] { $partners } Partner
   *[other] { $partners } Partner
  }: { $gained } hochgestuft, { $lost } herabgestuft, { $unchanged } unverändert
compare-col-before = GÜLTIG
compare-col-after = LAUT ENTWURF
compare-col-partners = PARTNER
compare-col-market = MARKT
compare-col-country = LAND
compare-col-gained = HOCHGESTUFT
compare-col-lost = HERABGESTUFT
compare-col-unchanged = UNVERÄNDERT
compare-col-levels = STUFE
compare-col-why = AUSSCHLAGGEBEND
compare-col-requirement = ANFORDERUNG
compare-changed = Partner, deren Stufe sich ändert
compare-changed-none = Bei keinem Partner ändert sich die Stufe.
compare-new-gaps = Anforderungen, die nach dem Entwurf nicht mehr erfüllt sind
compare-why = { $level }: { $before } → { $after }
compare-met = erfüllt
compare-lacks-consumption = Nutzung { $value } von { $required }
compare-lacks-individuals = { $value } von { $required ->
    [one] { $required } qualifizierten Person
   *[other] { $required } qualifizierten Personen
  }
compare-lacks-score = { $value } von { $required ->
    [one] { $required } Punkt
   *[other] { $required } Punkten
  }
compare-lacks-minimum = { $metric } unter der Mindestpunktzahl
compare-lacks-threshold = { $metric } { $value } von { $required }
compare-requirement-consumption = Nutzung
compare-requirement-individuals = qualifizierte Personen
compare-requirement-score = Punktzahl
compare-requirement-minimum = Mindestpunktzahl für { $metric }

## attain requirements --draft: die Änderungsseite eines Entwurfs
req-change-title = { $program }: was der Entwurf { $draft } ändert
req-change-intro = Entwurf { $draft } der Anforderungen der Option { $option }, verglichen mit der Regelversion { $version }, gültig seit dem { $since }. Wird er angenommen, gilt er ab dem { $effective }.
req-change-all-levels = Alle Stufen
req-change-metrics = Kennzahlen
req-change-none = An den Anforderungen ändert sich nichts.
req-change-nothing = keine
req-change-window = Anzahl der letzten Monate, in denen die { $product }-Nutzung zählt: { $before } → { $after }
req-change-associations = Zuordnungen, über die Nutzung angerechnet wird: { $before } → { $after }
req-change-left-out = Ausgenommene Nutzung: { $before } → { $after }
req-change-threshold = Nutzungsschwellenwert: { $before } → { $after }
req-change-threshold-market = Nutzungsschwellenwert, { $market }: { $before } → { $after }
req-change-individuals = Qualifizierte Personen: { $before } → { $after }
req-change-listed = Neu aufgeführt: { $credential }
req-change-unlisted = Nicht mehr aufgeführt: { $credential }
req-change-score = Erforderliche Punktzahl: { $before } → { $after }
req-change-each-metric = Mindestpunktzahl je Kennzahl: { $before } → { $after }
req-change-at-least = { $metric }, { $market }: mindestens { $before } → { $after }
req-change-metric-added = Neue Kennzahl: { $metric }.
req-change-metric-changed = { $metric } wird anders gemessen oder bepunktet.
req-change-metric-removed = Nicht mehr gezählt: { $metric }

## attain plan: was ein Partner tun muss, um an einem Datum eine Stufe zu halten
plan-title = Plan für { $partner } ({ $id }): Stufe { $level } am { $date }
plan-context = { $program }, Regelversion { $version } · Datenstand: { $as_of }
plan-if-nothing = Wenn sich nichts ändert: { $level } am { $date }.
plan-met = Die Anforderungen der Stufe { $level } sind am { $date } erfüllt; es ist nichts weiter zu tun.
plan-unreachable = Die Stufe { $level } ist bis zum { $date } nicht mehr erreichbar; was fehlt, steht unten.
plan-consumption = Nutzung: { $credited } von { $threshold } angerechnet im Zeitraum { $start } bis { $end }; es fehlen noch { $needed } bis zum { $last }:
plan-consumption-month = { $from } bis { $by }: { $amount }
plan-no-day-left = Vom Zeitraum liegt kein Tag mehr in der Zukunft: Wählen Sie ein späteres Datum.
plan-customers = Angerechnet über die Zuordnungen zu { $customers }.
plan-customer-until = { $customer } (bis zum { $date })
plan-no-customers = An diesen Tagen besteht keine anrechenbare Zuordnung: Zuerst ist eine Zuordnung zu einem Kunden nötig.
plan-people = Qualifizierte Personen: { $qualified } von { $required }; { $gap ->
    [one] es fehlt noch { $gap }:
   *[other] es fehlen noch { $gap }:
  }
plan-person = { $name } ({ $id }): { $credentials } bis zum { $date } erwerben
plan-person-holds = {"; "}bereits vorhanden: { $credentials }
plan-new-people = { $count ->
    [one] { $count } Person zusätzlich zum bisherigen Personal des Partners, die eine der folgenden Qualifikationen erwirbt:
   *[other] { $count } Personen zusätzlich zum bisherigen Personal des Partners, die jeweils eine der folgenden Qualifikationen erwerben:
  }
plan-alternative = { $credentials }, bis zum { $date }
plan-no-credentials = Keine der Qualifikationen, die die Stufe aufführt, kann noch rechtzeitig erworben werden.
dash-plan = Plan
dash-plan-target = Zielstufe
dash-plan-by = Bis zum
dash-plan-show = Plan erstellen
dash-plan-failed = Der Plan konnte nicht erstellt werden; den Grund nennt das Protokoll des Dienstes.
dash-whatif = Was wäre, wenn: Auswirkungen eines Entwurfs
dash-whatif-help = Laden Sie eine Entwurfsversion hoch (eine Datei mit program = "ID" und einem Eintrag [[versions]], wie in den Regeln des Programms) oder fügen Sie ihren Text ein, oder wählen Sie einen Entwurf aus den Regeln; jeder Partner wird nach der gültigen Version und nach dem Entwurf bewertet.
dash-whatif-file = Entwurfsdatei
dash-whatif-text = Oder der Text des Entwurfs
dash-whatif-rules-draft = Oder ein Entwurf aus den Regeln
dash-whatif-submit = Entwurf bewerten
dash-whatif-no-draft = Geben Sie einen Entwurf an: eine Datei, ihren Text oder einen Entwurf aus den Regeln.
dash-whatif-csv = Partner, deren Stufe sich ändert, herunterladen (CSV)
dash-whatif-chart = Partner pro Stufe: gültig und laut Entwurf
dash-whatif-in-force = Gültig
dash-whatif-under-draft = Laut Entwurf
dash-whatif-more = Bei { $count ->
    [one] { $count } weiteren Partner
   *[other] { $count } weiteren Partnern
  } ändert sich die Stufe; die CSV-Datei führt alle auf.
dash-whatif-link = Was wäre, wenn …
plan-points = Punkte: { $score } von { $required }; { $gap ->
    [one] es fehlt noch { $gap }
   *[other] es fehlen noch { $gap }
  }, bei mindestens { $least ->
    [one] { $least } Punkt
   *[other] { $least } Punkten
  } in jeder Kennzahl:
plan-change-customers = { $metric }: { $count ->
    [one] { $count } weiterer Kunde
   *[other] { $count } weitere Kunden
  } mit mindestens { $amount } Nutzung im Monat bis zum { $date }
plan-change-services = { $metric }: { $count ->
    [one] { $count } weiterer von { $customer } genutzter Dienst
   *[other] { $count } weitere von { $customer } genutzte Dienste
  } im Monat bis zum { $date }
plan-change-consumption = { $metric }: { $amount } zusätzliche Nutzung durch { $customer } im Monat bis zum { $date }
plan-change-people = { $metric }: { $count ->
    [one] { $count } weitere Person
   *[other] { $count } weitere Personen
  } mit { $credentials } bis zum { $date }
plan-change-or = oder stattdessen eine dieser Qualifikationen: { $credentials }
plan-outlook = Punkte je Kennzahl, jetzt → mit dem Plan:
plan-outlook-metric = { $metric }: { $points } → { $with } von { $max ->
    [one] { $max } Punkt
   *[other] { $max } Punkten
  }
