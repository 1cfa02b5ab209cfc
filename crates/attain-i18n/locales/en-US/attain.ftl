# attain — messages for people, en-US (the source locale).
# Variables: numbers, amounts and dates arrive already formatted for the locale
# (ICU4X, CLDR data), except plural selectors, which are plain numbers.

## Vocabulary

market-developed = developed
market-emerging = emerging
level-none = no level
# An amount of US dollars; $amount is the number formatted for the locale.
money-usd = US${ $amount }
credential-kind-exam = exam
credential-kind-assessment = assessment
credential-kind-certification = certification
# A credential in running text: "exam 70-534 (Architecting Microsoft Azure Solutions)".
credential-in-text = { $kind } { $code } ({ $title })
# A credential no program lists: its kind and code.
credential-code-in-text = { $kind } { $code }
list-and = { $first } and { $second }
list-or = { $first } or { $second }
association-DPOR = Digital Partner of Record
association-TPOR = Transacting Partner of Record
association-DAP = delegated administration
association-CSP = Cloud Solution Provider
association-PAL = Partner Admin Link
# A whole percentage; $value is the number formatted for the locale.
unit-percent = { $value }%

## attain evaluate --format table

table-title = { $program } ({ $option }) · rules version { $version } · as of { $date } · window { $start } to { $end }
table-partner = PARTNER
table-name = NAME
table-market = MARKET
table-level = LEVEL
table-consumption = CONSUMPTION (USD)
table-individuals = INDIVIDUALS
table-drops-on = DROPS ON
table-score = SCORE
table-summary = { $total ->
    [one] 1 partner
   *[other] { $total } partners
  }: { $leveled } at a level
table-summary-level = { $count } { $level }

## attain explain

explain-title = { $partner } ({ $id }) · { $program } competency, { $option } option
explain-context = As of { $date } · rules version { $version } · { $market } market ({ $country })
explain-window = Consumption window: { $start } to { $end }
explain-level = Level: { $level }
explain-drops = Drops on { $date } to { $level }
explain-requirements = Requirements
explain-level-met = { $level }: met
explain-level-not-met = { $level }: not met
explain-consumption = consumption: { $value } of { $threshold }
explain-individuals = individuals: { $value } of { $required }
explain-met = met
explain-gap-consumption = { $gap } more consumption
explain-gap-individuals = { $gap ->
    [one] 1 more individual
   *[other] { $gap } more individuals
  }
explain-customers = Customers in the window (credited through { $kinds })
explain-nothing = none
explain-excluded-kind = excluded { $amount }: { $kinds } association only, which does not count
explain-excluded-date = excluded { $amount } ({ $rows ->
    [one] 1 row
   *[other] { $rows } rows
  }): no { $kinds } association on those dates
explain-people = Individuals
explain-no-people = none on record
explain-counts = counts for { $levels } with { $credentials }
explain-not-counted = does not count: { $reason }
reason-not-yet-joined = joins on { $date }
reason-left = left on { $date }
reason-no-longer-accepted = { $credential } was accepted only until { $date }
reason-achieved-after = { $credential } passed on { $date }, after the as-of date
reason-incomplete = still needs { $credentials }
reason-not-qualifying = holds no qualifying credential ({ $credentials })
reason-no-achievements = no exam or assessment on record
explain-warnings = Within 12 months
warning-person = { $date }: { $name } ({ $id }) stops counting: { $cause }
cause-leaves = leaves on { $date }
cause-no-longer-accepted = { $credential } is accepted only until { $date }
cause-not-listed = rules version { $version } no longer lists their credential
warning-association = { $date }: the { $kind } association with { $customer } ends; later consumption is not credited
explain-why-drop = Why the level drops on { $date }
drop-consumption = consumption in that window is { $value }, below { $threshold }
drop-individuals = { $qualified ->
    [one] 1 qualified individual
   *[other] { $qualified } qualified individuals
  } of { $required } required
drop-note = (counting only consumption recorded up to { $date })

## attain explain, programs that declare metrics (e.g. a partner capability score)

metric-explain-title = { $partner } ({ $id }) · { $program } · { $option }
metric-explain-context = As of { $date } · rules version { $version } · { $country }
metric-explain-months = Months measured: { $start } to { $end }
metric-explain-score = score { $score } of { $total } needed; every metric needs at least { $least ->
    [one] 1 point
   *[other] { $least } points
  }
metric-explain-below-minimum = below the least points: { $metrics }
metric-explain-threshold = { $metric }: { $value } of { $required }
metric-explain-metrics = Metrics
metric-explain-points = { $metric }: { $value } · { $points ->
    [one] 1 point
   *[other] { $points } points
  } of { $max }
metric-explain-value = { $metric }: { $value }
metric-explain-change = now { $current }, a year earlier { $earlier }
metric-explain-prerequisite = counts only when { $required ->
    [one] 1 qualified person holds
   *[other] { $required } qualified people hold
  } the prerequisite; people who hold it: { $people }
metric-explain-counted = counted: { $items }
metric-explain-not-counted = not counted: { $items }
metric-explain-excluded = Consumption that counts for no metric
metric-excluded-rows = { $reason }: { $amount } ({ $rows ->
    [one] 1 row
   *[other] { $rows } rows
  })
metric-excluded-kind = { $kinds } association only, which does not count
metric-excluded-outside = no counting association on those dates
column-service = service
column-offer = offer
metric-excluded-column = { $column } “{ $value }”, which the rules leave out
metric-drop-points = { $metric }: { $value } now, { $then } then · { $points ->
    [one] 1 point
   *[other] { $points } points
  } → { $lower }
metric-drop-value = { $metric }: { $value } now, { $then } then
metric-drop-score = score then: { $score }
because-below_least_amount = below the least monthly amount
because-not_counted_by_rule = not counted by the rules
because-no_consumption_above_zero = no consumption above zero
because-prerequisite_not_met = the prerequisite is not met
because-incomplete = still needs

## attain requirements (the requirement page of a program version)

req-title = { $program } competency
req-option = { $option } option
req-steps = Complete all the steps within to attain the { $program } competency.
req-performance = Your organization must meet the performance thresholds.
req-market-developed = Developed markets
req-market-emerging = Emerging markets
req-threshold-month = Partners must demonstrate { $amount } { $product } customer consumption within the previous { $months } months
req-threshold-day = Partners must demonstrate { $amount } { $product } customer consumption within the { $months } months ending on the day of review
req-associations = For these customers, you have to be associated as { $kinds }.
req-learn-more = [Learn more]({ $url }) about these associations.
req-individuals = Your organization must have { $count ->
    [one] **{ $count }** individual
   *[other] **{ $count }** individuals
  } pass the exam or assessment requirements.
req-assessments = { $count ->
    [one] **{ $count }** individual must
   *[other] **{ $count }** individuals must
  } pass one of the following assessments:
req-exams = { $count ->
    [one] **{ $count }** individual must
   *[other] **{ $count }** individuals must
  } pass one of the following exams:
req-or = OR
req-all-of = all of { $credentials }
req-exam = Exam { $code }
req-retires = Retires on { $date }.
req-accepted-until = This exam will continue to be accepted toward competency attainment until { $date }.
req-registration-until = You can register for this exam until { $date }.
req-replacement = After { $date }, you will need to register for the replacement exam listed above, { $replacement }.
req-version = Rules version { $version }, in force from { $date }.

# Versions that state their levels in declared metrics (points scored, thresholds on values).
req-metric-title = { $program }: requirements
req-metric-steps = Your organization attains a level when it meets everything that level lists below; the metrics section says how each metric is measured and scored.
req-metric-score-total = Your organization must score at least { $total ->
    [one] **{ $total }** point
   *[other] **{ $total }** points
  } in total across the metrics below.
req-metric-score-each = Every metric must score at least { $least ->
    [one] **{ $least }** point
   *[other] **{ $least }** points
  }.
req-metric-score-each-scored = Every metric that gives points must score at least { $least ->
    [one] **{ $least }** point
   *[other] **{ $least }** points
  }.
req-metric-score-most = The metrics give up to { $points ->
    [one] **{ $points }** point
   *[other] **{ $points }** points
  } in all.
req-metric-thresholds = Your organization must reach these metric values:
req-metric-threshold = { $metric }: at least **{ $value }**
req-metric-heading = Metrics
req-metric-last-month = Consumption is counted in calendar months: **last month** is the last complete month before the day of review.
req-metric-associations = Consumption counts for your organization when it is associated with the customer as { $kinds } on the day of the consumption.
req-metric-associations-reported = A customer's reported values count for your organization when it is associated with the customer as { $kinds } on the day of review.
req-metric-excluded-offer = Consumption of the offers { $values } counts toward no metric.
req-metric-excluded-service = Consumption of the services { $values } counts toward no metric.
req-metric-people-day = Individuals are counted on the day of review: each must be affiliated with your organization and hold a listed credential that has not expired and is still accepted on that day. An individual counts once per metric, however many of its credentials they hold.
# A value of the data (a service or offer name), quoted.
req-metric-value = “{ $value }”
req-metric-category = Category: { $category }
req-metric-category-performance = Performance
req-metric-category-skilling = Skilling
req-metric-category-customer-success = Customer success
req-metric-consumption = { $months ->
    [one] { $product } consumption credited to your organization in last month.
   *[other] { $product } consumption credited to your organization over the { $months } months ending with last month.
  }
req-metric-customers = { $months ->
    [one] The number of customers with at least { $amount } of { $product } consumption credited to your organization in last month.
   *[other] The number of customers with at least { $amount } of { $product } consumption credited to your organization in at least one of the { $months } months ending with last month.
  }
req-metric-distinct-service = { $months ->
    [one] The number of different services with { $product } consumption above zero credited to your organization in last month.
   *[other] The number of different services with { $product } consumption above zero credited to your organization over the { $months } months ending with last month.
  }
req-metric-distinct-offer = { $months ->
    [one] The number of different offers with { $product } consumption above zero credited to your organization in last month.
   *[other] The number of different offers with { $product } consumption above zero credited to your organization over the { $months } months ending with last month.
  }
req-metric-except = Not counted: { $values }.
req-metric-people-any = The number of individuals in your organization who hold one of the following:
req-metric-people-all = The number of individuals in your organization who hold all of the following:
req-metric-latest = The sum, over the customers credited to your organization on the day of review, of the latest { $measure } value each reported on or before that day.
req-metric-prerequisite = It counts only when at least { $count ->
    [one] **{ $count }** individual holds
   *[other] **{ $count }** individuals hold
  } one of the following:
req-metric-change = The metric is the change over { $months } months: this value now minus the same value { $months } months earlier.
req-metric-growth = The metric is the growth over { $months } months in whole percent, rounded down: the rise since { $months } months earlier, against the earlier value.
req-metric-growth-base = It is 0 unless the earlier value is above zero and the current value is at least { $amount }.
req-metric-growth-above-zero = It is 0 unless the earlier value is above zero.
req-metric-points = { $per ->
    [one] **{ $per }** point
   *[other] **{ $per }** points
  } per { $unit }, up to { $max ->
    [one] **{ $max }** point
   *[other] **{ $max }** points
  }.
req-metric-unit-customers = { $count ->
    [one] customer
   *[other] { $count } customers
  }
req-metric-unit-people = { $count ->
    [one] individual
   *[other] { $count } individuals
  }
req-metric-unit-service = { $count ->
    [one] service
   *[other] { $count } services
  }
req-metric-unit-offer = { $count ->
    [one] offer
   *[other] { $count } offers
  }
req-metric-unit-percent = { $count ->
    [one] percentage point
   *[other] { $count } percentage points
  }
req-metric-unit-number = { $count ->
    [one] unit of the value
   *[other] { $count } units of the value
  }
req-metric-retires = Retirement date: { $date }.
req-metric-accepted-until = It counts until { $date }.
req-metric-registration-until = It can be earned until { $date }.
req-metric-replacement = Its replacement is { $replacement }.

## attain serve: the dashboard (HTML pages for partners and operators)

dash-signin-title = Sign in
dash-signin-help = Paste the access token you were given; it begins with attain_. This browser keeps it in a cookie that scripts cannot read.
dash-signin-token = Access token
dash-signin-submit = Sign in
dash-signin-failed = This token is not valid or has been revoked.
dash-signout = Sign out
dash-as-of = As of
dash-level = Level
dash-score = Score
dash-drops-on-date = Drops on
dash-as-of-snapshot = (the latest snapshot's date)
dash-as-of-data = (the end of the data's last month)
dash-as-of-today = (today)
dash-language = Language
dash-show = Show
dash-market = { $market } market · { $country }
dash-window = Consumption window: { $start } to { $end }
dash-version = Rules version { $version }
dash-drops-on = Drops to { $level } on { $date }
dash-no-drop = No drop foreseen within 13 months
dash-requirements = Requirements
dash-consumption = Customer consumption
dash-individuals = Qualified individuals
dash-of = { $value } of { $threshold }
dash-chart = Credited consumption per month
dash-chart-window = Window
dash-chart-cumulative = Running total in the window
dash-chart-threshold = { $level } threshold: { $amount }
dash-chart-off-scale = { $threshold } (above the chart)
dash-customers = Contributing customers
dash-customer = Customer
dash-credited = Credited
dash-associations = Associations
dash-note = Note
dash-people = Individuals
dash-person = Person
dash-status = Status
dash-warnings = Warnings
dash-no-warnings = Nothing stops counting within 12 months.
dash-history = Status history
dash-no-history = No snapshots yet. Operators take them with attain snapshot.
dash-change-attained = Attained { $level }
dash-change-lost = Lost { $level }
dash-change-between = (between { $previous } and { $date })
dash-overview = All partners
dash-per-level = Partners per level
dash-search = Search by id, name or country
dash-search-submit = Search
dash-dropping = Levels that drop within 90 days
dash-none-dropping = No level drops within 90 days.
dash-results = { $count ->
    [one] 1 partner
   *[other] { $count } partners
  }
dash-partner = Partner
dash-name = Name
dash-country = Country
dash-not-found = No such partner.
dash-admin-only = This page is for operators; your access token is a partner's. Your own page is at /partners/YOUR-ID.
dash-busy = The service is busy deciding whole programs; try again in a few seconds.

## attain lint (findings on a requirement page; $level, $metric are names, $version a version id,
## $market is `developed` or `emerging`)
lint-statement = { $message } (expected { $expected }, found { $found })
lint-summary = { $files ->
    [one] 1 file
   *[other] { $files } files
  }, { $errors ->
    [one] 1 error
   *[other] { $errors } errors
  }, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
  }, { $notes ->
    [one] 1 note
   *[other] { $notes } notes
  }
lint-none = none
lint-not-listed = not listed
lint-not-stated = not stated
lint-not-described = not described
lint-no-amount = no amount
lint-no-points = no points
lint-no-threshold = no threshold
lint-no-title = no title
lint-no-date = no date
lint-a-metric = a metric
lint-catalog-credential = a credential of the catalog
lint-months = { $count ->
    [one] 1 month
   *[other] { $count } months
  }
lint-program-unknown = the page describes no program attain knows; nothing was checked
lint-page-date = the page's date is not MM/DD/YYYY; checked against the latest version, { $version }
lint-version-announced = the page, dated { $date }, precedes the first version of { $program }; checked against the version it announces, { $version } (in force from { $start })
lint-no-requirements = no requirements stated
lint-no-requirements-commented = no requirements stated (the page's body is commented out)
lint-market-heading = { $level }: this heading over a threshold names no market attain can identify; the threshold under it is checked against every market's
lint-threshold-none = { $level } has no consumption threshold in version { $version }
lint-threshold = { $level } threshold contradicts the rules
lint-threshold-market = { $level } threshold for { $market ->
    [developed] developed markets
   *[emerging] emerging markets
  } contradicts the rules
lint-threshold-unidentified = { $level } threshold is no market's in the rules
lint-threshold-missing = { $level } states no threshold for { $market ->
    [developed] developed markets
   *[emerging] emerging markets
  }, which version { $version } sets
lint-window = { $level } consumption window contradicts the rules
lint-individuals = { $level } individual count contradicts the rules
lint-credential-unlisted = { $level } lists { $id }, which version { $version } does not
lint-credential-missing = { $level } does not list { $id }, which version { $version } requires
lint-metric-credential-unlisted = { $metric } lists { $id }, which version { $version } does not count for it
lint-metric-credential-missing = { $metric } does not list { $id }, which version { $version } counts for it
lint-credential-unknown = names { $id }, which no catalog knows
lint-credential-title = { $id } is titled with { $product }, a product its title does not name
lint-date = date is not a retirement, registration or acceptance date of a listed credential
lint-segment-numbers = translated segment differs from its source in numbers
lint-segment-dates = translated segment differs from its source in dates
lint-segment-links = translated segment differs from its source in links
lint-segment-products = translated segment differs from its source in product names
lint-segment-names = translated segment names the program, option or a level neither as in English nor as the glossary translates it
lint-metric-missing = the page does not describe { $metric }, which version { $version } declares
lint-score-none = { $level } has no score in version { $version }
lint-score-total = { $level } score total contradicts the rules
lint-score-each = { $level } least points of every metric contradicts the rules
lint-score-highest = { $level } highest possible score contradicts the rules
lint-metric-threshold-none = { $level } has no threshold on { $metric } in version { $version }
lint-metric-threshold = { $level } threshold on { $metric } contradicts the rules
lint-metric-threshold-market = { $level } threshold on { $metric } for { $market ->
    [developed] developed markets
   *[emerging] emerging markets
  } contradicts the rules
lint-points-none = { $metric } scores no points in version { $version }
lint-points-cap = { $metric } points cap contradicts the rules
lint-points-rate = { $metric } points rate contradicts the rules
lint-metric-amount = { $metric } amount contradicts the rules
lint-metric-months = { $metric } months contradict the rules
lint-prerequisite = { $metric } prerequisite count contradicts the rules

## attain compare: a draft version against the version in force
compare-title = { $program }: rules version { $version } (in force) against draft { $draft }, as of { $date }
compare-summary = { $partners ->
    [one] { $partners } partner
   *[other] { $partners } partners
  }: { $gained } gain a level, { $lost } lose one, { $unchanged } unchanged
compare-col-before = IN FORCE
compare-col-after = UNDER THE DRAFT
compare-col-partners = PARTNERS
compare-col-market = MARKET
compare-col-country = COUNTRY
compare-col-gained = GAINED
compare-col-lost = LOST
compare-col-unchanged = UNCHANGED
compare-col-levels = LEVEL
compare-col-why = WHAT MAKES THE DIFFERENCE
compare-col-requirement = REQUIREMENT
compare-changed = Partners whose level changes
compare-changed-none = No partner's level changes.
compare-new-gaps = Requirements newly unmet under the draft
compare-why = { $level }: { $before } → { $after }
compare-met = met
compare-lacks-consumption = consumption { $value } of { $required }
compare-lacks-individuals = { $value } of { $required ->
    [one] { $required } qualified individual
   *[other] { $required } qualified individuals
  }
compare-lacks-score = { $value } of { $required ->
    [one] { $required } point
   *[other] { $required } points
  }
compare-lacks-minimum = { $metric } below its least points
compare-lacks-threshold = { $metric } { $value } of { $required }
compare-requirement-consumption = consumption
compare-requirement-individuals = qualified individuals
compare-requirement-score = score
compare-requirement-minimum = least points of { $metric }

## attain requirements --draft: the change page of a draft
req-change-title = { $program }: what draft { $draft } changes
req-change-intro = Draft { $draft } of the { $option } requirements, against version { $version }, in force since { $since }. If adopted, it takes effect on { $effective }.
req-change-all-levels = Every level
req-change-metrics = Metrics
req-change-none = Nothing in the requirements changes.
req-change-nothing = none
req-change-window = { $product } consumption counted over the last months: { $before } → { $after }
req-change-associations = Associations through which consumption counts: { $before } → { $after }
req-change-left-out = Consumption left out: { $before } → { $after }
req-change-threshold = Consumption threshold: { $before } → { $after }
req-change-threshold-market = Consumption threshold, { $market }: { $before } → { $after }
req-change-individuals = Qualified individuals: { $before } → { $after }
req-change-listed = Newly listed: { $credential }
req-change-unlisted = No longer listed: { $credential }
req-change-score = Points required: { $before } → { $after }
req-change-each-metric = Least points in every metric: { $before } → { $after }
req-change-at-least = { $metric }, { $market }: at least { $before } → { $after }
req-change-metric-added = New metric: { $metric }.
req-change-metric-changed = { $metric } is measured or scored otherwise.
req-change-metric-removed = No longer counted: { $metric }

## attain plan: what a partner must do to hold a level on a date
plan-title = Plan for { $partner } ({ $id }) to hold { $level } on { $date }
plan-context = { $program }, rules version { $version } · data known up to { $as_of }
plan-if-nothing = If nothing changes: { $level } on { $date }.
plan-met = { $level } is held on { $date } with nothing more to do.
plan-unreachable = { $level } cannot be reached by { $date } any more: what is missing is said below.
plan-consumption = Consumption: { $credited } credited of { $threshold } in the window { $start } to { $end }; { $needed } still needed, by { $last }:
plan-consumption-month = { $from } to { $by }: { $amount }
plan-no-day-left = No day of the window is still to come: choose a later date.
plan-customers = Credited through the associations with { $customers }.
plan-customer-until = { $customer } (until { $date })
plan-no-customers = No association that counts covers those days: one with a customer is needed first.
plan-people = Qualified individuals: { $qualified } of { $required }; { $gap ->
    [one] { $gap } more needed:
   *[other] { $gap } more needed:
  }
plan-person = { $name } ({ $id }): earn { $credentials } by { $date }
plan-person-holds = {", "}already holds { $credentials }
plan-new-people = { $count ->
    [one] { $count } person more than the partner has, earning one of:
   *[other] { $count } people more than the partner has, each earning one of:
  }
plan-alternative = { $credentials }, by { $date }
plan-no-credentials = No credential the level lists can still be earned in time.
dash-plan = Plan
dash-plan-target = Level to hold
dash-plan-by = By
dash-plan-show = Plan
dash-plan-failed = The plan could not be made; the service's log says why.
dash-whatif = What if: a draft's impact
dash-whatif-help = Upload a draft version (a file with program = "ID" and one [[versions]] entry, as in the program's rules) or paste it, or pick a draft the rules hold; every partner is decided under the version in force and under the draft.
dash-whatif-file = Draft file
dash-whatif-text = Or the draft's text
dash-whatif-rules-draft = Or a draft of the rules
dash-whatif-submit = Weigh the draft
dash-whatif-no-draft = Give a draft: a file, its text, or a draft of the rules.
dash-whatif-csv = Download the partners who change (CSV)
dash-whatif-chart = Partners per level, in force and under the draft
dash-whatif-in-force = In force
dash-whatif-under-draft = Under the draft
dash-whatif-more = { $count ->
    [one] { $count } more partner changes: the CSV lists every one.
   *[other] { $count } more partners change: the CSV lists every one.
  }
dash-whatif-link = What if…
plan-points = Points: { $score } of { $required }; { $gap ->
    [one] { $gap } more needed
   *[other] { $gap } more needed
  }, with at least { $least } in every metric:
plan-change-customers = { $metric }: { $count ->
    [one] { $count } more customer
   *[other] { $count } more customers
  } with at least { $amount } of consumption in the month to { $date }
plan-change-services = { $metric }: { $count ->
    [one] { $count } more service
   *[other] { $count } more services
  } used by { $customer } in the month to { $date }
plan-change-consumption = { $metric }: { $amount } more consumption from { $customer } in the month to { $date }
plan-change-people = { $metric }: { $count ->
    [one] { $count } more person holding
   *[other] { $count } more people holding
  } { $credentials } by { $date }
plan-change-or = or, instead, any of { $credentials }
plan-outlook = Points per metric, now → with the plan:
plan-outlook-metric = { $metric }: { $points } → { $with } of { $max ->
    [one] { $max } point
   *[other] { $max } points
  }
