# attain — 사용자에게 표시되는 메시지, ko-KR (원본: en-US).
# 변수: 숫자, 금액, 날짜는 로캘에 맞게 서식이 지정된 상태로 전달됩니다
# (ICU4X, CLDR 데이터). 단, 복수형 선택자에 쓰이는 숫자는 서식 없는 숫자입니다.
# 한국어는 복수형을 구분하지 않으므로 선택자 없이 숫자를 한 번만 씁니다.

## Vocabulary

market-developed = 선진국
market-emerging = 개발 도상국
level-none = 레벨 없음
# 미국 달러 금액. $amount는 로캘에 맞게 서식이 지정된 숫자입니다.
money-usd = US${ $amount }
credential-kind-exam = 시험
credential-kind-assessment = 평가
credential-kind-certification = 인증
# 본문 속 자격 표기: "시험 70-534(Architecting Microsoft Azure Solutions)".
credential-in-text = { $kind } { $code }({ $title })
# A credential no program lists: its kind and code.
credential-code-in-text = { $kind } { $code }
list-and = { $first } 및 { $second }
list-or = { $first } 또는 { $second }
association-DPOR = 공식 디지털 파트너
association-TPOR = 공식 거래 파트너
association-DAP = 위임된 관리자 권한
association-CSP = Cloud Solution Provider
association-PAL = Partner Admin Link
# 정수 백분율. $value는 로캘에 맞게 서식이 지정된 숫자입니다(CLDR: % 앞에 공백 없음).
unit-percent = { $value }%

## attain evaluate --format table

table-title = { $program }({ $option }) · 규칙 버전 { $version } · 기준일 { $date } · 집계 기간 { $start } ~ { $end }
table-partner = 파트너
table-name = 이름
table-market = 시장
table-level = 레벨
table-consumption = 사용량(USD)
table-individuals = 인원
table-drops-on = 레벨 하락일
table-score = 점수
table-summary = 파트너 { $total }곳 중 { $leveled }곳 레벨 획득
table-summary-level = { $level } { $count }곳

## attain explain

explain-title = { $partner }({ $id }) · { $program } 역량, { $option } 옵션
explain-context = 기준일 { $date } · 규칙 버전 { $version } · { $market } 시장({ $country })
explain-window = 사용량 집계 기간: { $start } ~ { $end }
explain-level = 레벨: { $level }
explain-drops = { $date }에 { $level }{ $level_final ->
    [consonant] 으로
    [rieul] 로
    [vowel] 로
   *[other] (으)로
  } 하락 예정
explain-requirements = 요구 사항
explain-level-met = { $level }: 충족
explain-level-not-met = { $level }: 미충족
explain-consumption = 사용량: { $value } / 기준 { $threshold }
explain-individuals = 자격 보유 인원: { $value }명 / 필요 인원 { $required }명
explain-met = 충족
explain-gap-consumption = 사용량 { $gap } 추가 필요
explain-gap-individuals = { $gap }명 추가 필요
explain-customers = 집계 기간 내 고객(인정 기준: { $kinds } 제휴)
explain-nothing = 없음
explain-excluded-kind = { $amount } 제외: { $kinds } 제휴만 있어 인정되지 않음
explain-excluded-date = { $amount } 제외({ $rows }개 행): 해당 날짜에 { $kinds } 제휴 없음
explain-people = 인원
explain-no-people = 등록된 인원 없음
explain-counts = { $levels } 요건에 인정됨. 취득 자격: { $credentials }
explain-not-counted = 인정되지 않음: { $reason }
reason-not-yet-joined = { $date } 입사 예정
reason-left = { $date } 퇴사
reason-no-longer-accepted = { $date }까지만 인정된 { $credential }
reason-achieved-after = { $credential } 합격일 { $date }(기준일 이후)
reason-incomplete = 추가 취득 필요: { $credentials }
reason-not-qualifying = 인정 대상 자격 없음(보유 자격: { $credentials })
reason-no-achievements = 시험 또는 평가 기록 없음
explain-warnings = 향후 12개월 이내 변경 사항
warning-person = { $date }: { $name }({ $id }) 인정 종료: { $cause }
cause-leaves = { $date } 퇴사 예정
cause-no-longer-accepted = { $date }까지만 인정되는 { $credential }
cause-not-listed = 규칙 버전 { $version }부터 보유 자격이 목록에서 제외됨
warning-association = { $date }: { $customer } 고객과의 { $kind } 제휴 종료. 이후 사용량은 인정되지 않음
explain-why-drop = { $date }에 레벨이 하락하는 이유
drop-consumption = 해당 기간의 사용량 { $value }, 기준 { $threshold } 미만
drop-individuals = 자격 보유 인원 { $qualified }명, 필요 인원 { $required }명
drop-note = ({ $date }까지 기록된 사용량만 집계)

## attain explain, programs that declare metrics (e.g. a partner capability score)

metric-explain-title = { $partner }({ $id }) · { $program } · { $option }
metric-explain-context = 기준일 { $date } · 규칙 버전 { $version } · { $country }
metric-explain-months = 측정 대상 월: { $start } ~ { $end }
metric-explain-score = 점수 { $score } / 필요 점수 { $total }. 모든 지표에 최소 { $least }점 필요
metric-explain-below-minimum = 최소 점수 미달: { $metrics }
metric-explain-threshold = { $metric }: { $value } / 기준 { $required }
metric-explain-metrics = 지표
metric-explain-points = { $metric }: { $value } · { $points }점 / 최대 { $max }점
metric-explain-value = { $metric }: { $value }
metric-explain-change = 현재 { $current }, 1년 전 { $earlier }
metric-explain-prerequisite = 선행 자격 보유 인원이 { $required }명 이상일 때만 인정(현재 { $people }명)
metric-explain-counted = 인정됨: { $items }
metric-explain-not-counted = 인정되지 않음: { $items }
metric-explain-excluded = 어떤 지표에도 인정되지 않는 사용량
metric-excluded-rows = { $reason }: { $amount }({ $rows }개 행)
metric-excluded-kind = { $kinds } 제휴만 있어 인정되지 않음
metric-excluded-outside = 해당 날짜에 인정되는 제휴 없음
column-service = 서비스
column-offer = 오퍼
metric-excluded-column = 규칙상 제외되는 { $column } ‘{ $value }’
metric-drop-points = { $metric }: 현재 { $value }, 해당 시점 { $then } · { $points }점 → { $lower }점
metric-drop-value = { $metric }: 현재 { $value }, 해당 시점 { $then }
metric-drop-score = 해당 시점 점수: { $score }
because-below_least_amount = 월 최소 금액 미만
because-not_counted_by_rule = 규칙상 인정되지 않음
because-no_consumption_above_zero = 0 초과 사용량 없음
because-prerequisite_not_met = 선행 자격 요건 미충족
because-incomplete = 추가로 필요한 자격

## attain requirements (the requirement page of a program version)

req-title = { $program } 역량
req-option = { $option } 옵션
req-steps = 옵션 내의 모든 단계를 완료하여 { $program } 역량을 획득하세요.
req-performance = 조직에서 다음과 같은 성과 요구 사항을 충족해야 합니다.
req-market-developed = 선진국 시장
req-market-emerging = 개발 도상국 시장
req-threshold-month = 파트너는 지난 { $months }개월 동안 고객의 { $product } 사용량이 { $amount } 이상임을 증명해야 합니다.
req-threshold-day = 파트너는 검토일로 끝나는 { $months }개월 동안 고객의 { $product } 사용량이 { $amount } 이상임을 증명해야 합니다.
req-associations = 이러한 고객과 { $kinds } 자격으로 제휴 관계를 맺어야 합니다.
req-learn-more = 이러한 제휴에 대해 [자세히 알아보세요]({ $url }).
req-individuals = 조직의 직원 **{ $count }명**이 시험 또는 평가 요구 사항을 통과해야 합니다.
req-assessments = **{ $count }명**이 다음 평가 중 하나를 통과해야 합니다.
req-exams = **{ $count }명**이 다음 시험 중 하나를 통과해야 합니다.
req-or = 또는
req-all-of = { $credentials } 모두
req-exam = 시험 { $code }
req-retires = { $date }에 사용 중지됩니다.
req-accepted-until = 이 시험은 { $date }까지 역량 획득 요건으로 계속 인정됩니다.
req-registration-until = 이 시험은 { $date }까지 등록할 수 있습니다.
req-replacement = { $date } 이후에는 위에 나열된 대체 시험인 { $replacement }에 등록해야 합니다.
req-version = 규칙 버전 { $version }, { $date }부터 적용.

# 선언된 지표로 레벨을 정하는 버전(점수, 값의 기준).
req-metric-title = { $program }: 요구 사항
req-metric-steps = 아래에 나열된 레벨별 조건을 모두 충족하면 조직이 해당 레벨을 획득합니다. 지표의 측정 및 점수 산정 방법은 지표 섹션을 참조하세요.
req-metric-score-total = 조직은 아래 지표의 합계 점수가 **{ $total }점** 이상이어야 합니다.
req-metric-score-each = 모든 지표에서 각각 **{ $least }점** 이상을 받아야 합니다.
req-metric-score-each-scored = 점수가 부여되는 모든 지표에서 각각 **{ $least }점** 이상을 받아야 합니다.
req-metric-score-most = 지표 전체에서 받을 수 있는 점수는 최대 **{ $points }점**입니다.
req-metric-thresholds = 조직은 다음 지표 값에 도달해야 합니다.
req-metric-threshold = { $metric }: **{ $value }** 이상
req-metric-heading = 지표
req-metric-last-month = 사용량은 역월 단위로 집계합니다. **지난달**은 검토일 이전의 마지막 완전한 달입니다.
req-metric-associations = 사용일 기준으로 조직과 고객 간에 다음 유형의 제휴가 있으면 해당 사용량이 조직에 인정됩니다. 제휴 유형: { $kinds }.
req-metric-associations-reported = 검토일 기준으로 조직과 고객 간에 다음 유형의 제휴가 있으면 해당 고객의 보고 값이 조직에 인정됩니다. 제휴 유형: { $kinds }.
req-metric-excluded-offer = 다음 오퍼의 사용량은 어떤 지표에도 인정되지 않습니다. 오퍼: { $values }.
req-metric-excluded-service = 다음 서비스의 사용량은 어떤 지표에도 인정되지 않습니다. 서비스: { $values }.
req-metric-people-day = 인원은 검토일 기준으로 집계합니다. 각 인원은 그날 조직에 소속되어 있고, 만료되지 않았으며 계속 인정되는 목록의 자격을 보유해야 합니다. 목록의 자격을 여러 개 보유하더라도 한 사람은 지표마다 한 번만 집계됩니다.
# 데이터의 값(서비스 또는 오퍼 이름)을 따옴표로 묶은 것.
req-metric-value = ‘{ $value }’
req-metric-category = 범주: { $category }
req-metric-category-performance = 성과
req-metric-category-skilling = 기술 역량
req-metric-category-customer-success = 고객 성공
req-metric-consumption = { $months ->
    [1] 지난달 조직에 인정된 { $product } 사용량.
   *[other] 지난달까지 { $months }개월 동안 조직에 인정된 { $product } 사용량.
  }
req-metric-customers = { $months ->
    [1] 지난달 조직에 인정된 { $product } 사용량이 { $amount } 이상인 고객 수.
   *[other] 지난달까지 { $months }개월 중 어느 한 달이라도 조직에 인정된 { $product } 사용량이 { $amount } 이상인 고객 수.
  }
req-metric-distinct-service = { $months ->
    [1] 지난달 조직에 인정된 { $product } 사용량이 0보다 큰 서로 다른 서비스 수.
   *[other] 지난달까지 { $months }개월 동안 조직에 인정된 { $product } 사용량이 0보다 큰 서로 다른 서비스 수.
  }
req-metric-distinct-offer = { $months ->
    [1] 지난달 조직에 인정된 { $product } 사용량이 0보다 큰 서로 다른 오퍼 수.
   *[other] 지난달까지 { $months }개월 동안 조직에 인정된 { $product } 사용량이 0보다 큰 서로 다른 오퍼 수.
  }
req-metric-except = 인정되지 않음: { $values }.
req-metric-people-any = 다음 자격 중 하나를 보유한 조직 내 인원 수:
req-metric-people-all = 다음 자격을 모두 보유한 조직 내 인원 수:
req-metric-latest = 검토일 기준으로 조직에 인정되는 고객별로 검토일까지 보고된 최신 값의 합계. 값: { $measure }.
req-metric-prerequisite = 선행 조건: 다음 자격 중 하나를 보유한 인원이 **{ $count }명** 이상이어야 인정됩니다.
req-metric-change = 이 지표는 { $months }개월 동안의 변화로, 현재 값에서 { $months }개월 전의 같은 값을 뺀 값입니다.
req-metric-growth = 이 지표는 { $months }개월 동안의 성장률(정수 퍼센트, 내림)로, { $months }개월 전 값 대비 증가분을 그 이전 값으로 나눈 값입니다.
req-metric-growth-base = 이전 값이 0보다 크고 현재 값이 { $amount } 이상인 경우가 아니면 0입니다.
req-metric-growth-above-zero = 이전 값이 0보다 큰 경우가 아니면 0입니다.
req-metric-points = { $unit } 단위로 **{ $per }점**씩, 최대 **{ $max }점**.
req-metric-unit-customers = 고객 { $count }명
req-metric-unit-people = 인원 { $count }명
req-metric-unit-service = 서비스 { $count }개
req-metric-unit-offer = 오퍼 { $count }개
req-metric-unit-percent = { $count }퍼센트포인트
req-metric-unit-number = 값 { $count }
req-metric-retires = 사용 중지일: { $date }.
req-metric-accepted-until = 인정 기한: { $date }.
req-metric-registration-until = 취득 가능 기한: { $date }.
req-metric-replacement = 대체 자격: { $replacement }.

## attain serve: the dashboard (HTML pages for partners and operators)

dash-signin-title = 로그인
dash-signin-help = 발급받은 액세스 토큰을 붙여 넣으세요. 토큰은 attain_로 시작합니다. 이 브라우저는 스크립트가 읽을 수 없는 쿠키에 토큰을 저장합니다.
dash-signin-token = 액세스 토큰
dash-signin-submit = 로그인
dash-signin-failed = 유효하지 않거나 해지된 토큰입니다.
dash-signout = 로그아웃
dash-as-of = 기준일
dash-level = 레벨
dash-score = 점수
dash-drops-on-date = 레벨 하락일
dash-as-of-snapshot = (최신 스냅샷 날짜)
dash-as-of-data = (데이터 마지막 달의 말일)
dash-as-of-today = (오늘)
dash-language = 언어
dash-show = 보기
dash-market = { $market } 시장 · { $country }
dash-window = 사용량 집계 기간: { $start } ~ { $end }
dash-version = 규칙 버전 { $version }
dash-drops-on = { $date }에 { $level }{ $level_final ->
    [consonant] 으로
    [rieul] 로
    [vowel] 로
   *[other] (으)로
  } 하락 예정
dash-no-drop = 향후 13개월 이내 하락 예정 없음
dash-requirements = 요구 사항
dash-consumption = 고객 사용량
dash-individuals = 자격 보유 인원
dash-of = { $value } / { $threshold }
dash-chart = 월별 인정 사용량
dash-chart-window = 집계 기간
dash-chart-cumulative = 집계 기간 내 누적 합계
dash-chart-threshold = { $level } 기준: { $amount }
dash-chart-off-scale = { $threshold } (차트 범위 위)
dash-customers = 사용량 인정 고객
dash-customer = 고객
dash-credited = 인정 사용량
dash-associations = 제휴
dash-note = 비고
dash-people = 인원
dash-person = 구성원
dash-status = 상태
dash-warnings = 경고
dash-no-warnings = 향후 12개월 이내에 인정이 종료되는 항목이 없습니다.
dash-history = 상태 이력
dash-no-history = 아직 스냅샷이 없습니다. 운영자가 attain snapshot으로 생성합니다.
dash-change-attained = { $level } 획득
dash-change-lost = { $level } 상실
dash-change-between = ({ $previous } ~ { $date } 사이)
dash-overview = 전체 파트너
dash-per-level = 레벨별 파트너
dash-search = ID, 이름 또는 국가로 검색
dash-search-submit = 검색
dash-dropping = 90일 이내 하락 예정 레벨
dash-none-dropping = 90일 이내에 하락 예정인 레벨이 없습니다.
dash-results = 파트너 { $count }곳
dash-partner = 파트너
dash-name = 이름
dash-country = 국가
dash-not-found = 해당 파트너를 찾을 수 없습니다.
dash-admin-only = 이 페이지는 운영자 전용입니다. 사용 중인 액세스 토큰은 파트너용입니다. 파트너 페이지는 /partners/ID 에 있습니다.
dash-busy = 서비스가 전체 프로그램을 판정하느라 바쁩니다. 몇 초 후에 다시 시도하세요.

## attain lint (findings on a requirement page; $level, $metric are names, $version a version id,
## $market is `developed` or `emerging`)
lint-statement = { $message }(예상: { $expected }, 실제: { $found })
lint-summary = { $files ->
   *[other] 파일 { $files }개
  }, { $errors ->
   *[other] 오류 { $errors }개
  }, { $warnings ->
   *[other] 경고 { $warnings }개
  }, { $notes ->
   *[other] 참고 { $notes }개
  }
lint-none = 없음
lint-not-listed = 목록에 없음
lint-not-stated = 명시되지 않음
lint-not-described = 설명되지 않음
lint-no-amount = 금액 없음
lint-no-points = 점수 없음
lint-no-threshold = 기준 없음
lint-no-title = 제목 없음
lint-no-date = 날짜 없음
lint-a-metric = 지표
lint-catalog-credential = 카탈로그에 있는 자격
lint-months = { $count ->
   *[other] { $count }개월
  }
lint-program-unknown = 페이지에서 attain이 아는 프로그램을 찾을 수 없어 아무것도 검사하지 않음
lint-page-date = 페이지 날짜가 MM/DD/YYYY 형식이 아님. 최신 규칙 버전 { $version } 기준으로 검사함
lint-version-announced = 페이지 날짜({ $date })가 { $program }의 첫 번째 버전보다 앞섬. 페이지에서 예고하는 버전 { $version }({ $start }부터 적용) 기준으로 검사함
lint-no-requirements = 명시된 요구 사항 없음
lint-no-requirements-commented = 명시된 요구 사항 없음(페이지 본문이 주석 처리됨)
lint-market-heading = { $level }: 기준 위의 이 제목에서 attain이 식별할 수 있는 시장을 찾을 수 없음. 제목 아래의 기준을 모든 시장의 기준과 대조함
lint-threshold-none = { $level }: 규칙 버전 { $version }에 사용량 기준 없음
lint-threshold = { $level } 기준이 규칙과 일치하지 않음
lint-threshold-market = { $level } 기준({ $market ->
    [developed] 선진국 시장
   *[emerging] 개발 도상국 시장
  })이 규칙과 일치하지 않음
lint-threshold-unidentified = { $level } 기준이 규칙에 있는 어느 시장의 기준과도 일치하지 않음
lint-threshold-missing = { $level }: 규칙 버전 { $version }에서 정한 { $market ->
    [developed] 선진국 시장
   *[emerging] 개발 도상국 시장
  } 기준이 명시되지 않음
lint-window = { $level } 사용량 집계 기간이 규칙과 일치하지 않음
lint-individuals = { $level } 자격 보유 인원 수가 규칙과 일치하지 않음
lint-credential-unlisted = { $level }: { $id } 자격이 나열되어 있지만 규칙 버전 { $version }에는 없음
lint-credential-missing = { $level }: 규칙 버전 { $version }에서 요구하는 { $id } 자격이 나열되어 있지 않음
lint-metric-credential-unlisted = { $metric }: { $id } 자격이 나열되어 있지만 규칙 버전 { $version }에서는 이 지표에 인정하지 않음
lint-metric-credential-missing = { $metric }: 규칙 버전 { $version }에서 이 지표에 인정하는 { $id } 자격이 나열되어 있지 않음
lint-credential-unknown = 어떤 카탈로그에도 없는 { $id } 자격이 언급됨
lint-credential-title = { $id } 자격의 제목에 { $product } 제품이 쓰였지만 실제 자격 제목에는 이 제품이 없음
lint-date = 날짜가 목록에 있는 자격의 사용 중지일, 등록 기한, 인정 기한 중 어느 것도 아님
lint-segment-numbers = 번역된 세그먼트의 숫자가 원문과 다름
lint-segment-dates = 번역된 세그먼트의 날짜가 원문과 다름
lint-segment-links = 번역된 세그먼트의 링크가 원문과 다름
lint-segment-products = 번역된 세그먼트의 제품 이름이 원문과 다름
lint-segment-names = 번역된 세그먼트에 쓰인 프로그램, 옵션 또는 레벨의 이름이 영어 원문과도, 용어집의 번역과도 다름
lint-metric-missing = 페이지에 규칙 버전 { $version }에서 선언한 지표 { $metric }에 대한 설명이 없음
lint-score-none = { $level }: 규칙 버전 { $version }에 점수 요건 없음
lint-score-total = { $level } 합계 점수가 규칙과 일치하지 않음
lint-score-each = { $level } 지표별 최소 점수가 규칙과 일치하지 않음
lint-score-highest = { $level } 최대 획득 가능 점수가 규칙과 일치하지 않음
lint-metric-threshold-none = { $level }: 규칙 버전 { $version }에 { $metric } 기준 없음
lint-metric-threshold = { $level }의 { $metric } 기준이 규칙과 일치하지 않음
lint-metric-threshold-market = { $level }의 { $metric } 기준({ $market ->
    [developed] 선진국 시장
   *[emerging] 개발 도상국 시장
  })이 규칙과 일치하지 않음
lint-points-none = { $metric }: 규칙 버전 { $version }에서 점수가 부여되지 않음
lint-points-cap = { $metric } 최대 점수가 규칙과 일치하지 않음
lint-points-rate = { $metric } 단위당 점수가 규칙과 일치하지 않음
lint-metric-amount = { $metric } 금액이 규칙과 일치하지 않음
lint-metric-months = { $metric } 개월 수가 규칙과 일치하지 않음
lint-prerequisite = { $metric } 선행 자격 보유 인원 수가 규칙과 일치하지 않음

## attain compare: a draft version against the version in force
compare-title = { $program }: 현행 규칙 버전 { $version } 대비 초안 { $draft } · 기준일 { $date }
compare-summary = 파트너 { $partners }곳: 레벨 상승 { $gained }곳, 레벨 하락 { $lost }곳, 변동 없음 { $unchanged }곳
compare-col-before = 현행
compare-col-after = 초안 적용 시
compare-col-partners = 파트너 수
compare-col-market = 시장
compare-col-country = 국가
compare-col-gained = 레벨 상승
compare-col-lost = 레벨 하락
compare-col-unchanged = 변동 없음
compare-col-levels = 레벨
compare-col-why = 변화 요인
compare-col-requirement = 요구 사항
compare-changed = 레벨이 바뀌는 파트너
compare-changed-none = 레벨이 바뀌는 파트너가 없습니다.
compare-new-gaps = 초안 적용 시 새로 미충족되는 요구 사항
compare-why = { $level }: { $before } → { $after }
compare-met = 충족
compare-lacks-consumption = 사용량 { $value } / 기준 { $required }
compare-lacks-individuals = 자격 보유 인원 { $value }명 / 필요 인원 { $required }명
compare-lacks-score = 점수 { $value }점 / 필요 점수 { $required }점
compare-lacks-minimum = { $metric } 최소 점수 미달
compare-lacks-threshold = { $metric } { $value } / 기준 { $required }
compare-requirement-consumption = 사용량
compare-requirement-individuals = 자격 보유 인원
compare-requirement-score = 점수
compare-requirement-minimum = { $metric } 최소 점수

## attain requirements --draft: the change page of a draft
req-change-title = { $program }: 초안 { $draft } 변경 사항
req-change-intro = { $option } 옵션 요구 사항의 초안 { $draft } 내용을 { $since }부터 적용 중인 규칙 버전 { $version } 내용과 비교합니다. 초안이 채택되면 { $effective }부터 적용됩니다.
req-change-all-levels = 모든 레벨
req-change-metrics = 지표
req-change-none = 요구 사항에 바뀌는 내용이 없습니다.
req-change-nothing = 없음
req-change-window = { $product } 사용량 집계 기간(최근 개월 수): { $before } → { $after }
req-change-associations = 사용량이 인정되는 제휴: { $before } → { $after }
req-change-left-out = 제외되는 사용량: { $before } → { $after }
req-change-threshold = 사용량 기준: { $before } → { $after }
req-change-threshold-market = 사용량 기준({ $market }): { $before } → { $after }
req-change-individuals = 자격 보유 인원: { $before } → { $after }
req-change-listed = 목록에 새로 추가: { $credential }
req-change-unlisted = 목록에서 제외: { $credential }
req-change-score = 필요 점수: { $before } → { $after }
req-change-each-metric = 지표별 최소 점수: { $before } → { $after }
req-change-at-least = { $metric }({ $market }) 기준: { $before } → { $after }
req-change-metric-added = 새 지표: { $metric }.
req-change-metric-changed = { $metric } 지표의 측정 또는 점수 산정 방식이 바뀝니다.
req-change-metric-removed = 더 이상 인정되지 않는 지표: { $metric }

## attain plan: what a partner must do to hold a level on a date
plan-title = { $partner }({ $id }) 계획: { $date }에 { $level } 레벨 보유
plan-context = { $program }, 규칙 버전 { $version } · { $as_of }까지의 데이터 기준
plan-if-nothing = 변동이 없을 때 { $date } 기준 레벨: { $level }
plan-met = { $date } 기준 { $level } 레벨 요건이 충족되며 추가로 할 일은 없습니다.
plan-unreachable = { $date }까지 { $level } 레벨을 더 이상 달성할 수 없습니다. 부족한 사항은 아래와 같습니다.
plan-consumption = 사용량: 인정 { $credited } / 기준 { $threshold }(집계 기간 { $start } ~ { $end }). { $last }까지 { $needed } 추가 필요:
plan-consumption-month = { $from } ~ { $by }: { $amount }
plan-no-day-left = 집계 기간에 남은 날이 없습니다. 더 나중 날짜를 선택하세요.
plan-customers = { $customers } 고객과의 제휴를 통해 인정됩니다.
plan-customer-until = { $customer }({ $date }까지)
plan-no-customers = 해당 날짜에 인정되는 제휴가 없습니다. 먼저 고객과 제휴해야 합니다.
plan-people = 자격 보유 인원: { $qualified }명 / 필요 인원 { $required }명. { $gap }명 추가 필요:
plan-person = { $name }({ $id }): { $date }까지 { $credentials } 취득
plan-person-holds = {", "}이미 보유: { $credentials }
plan-new-people = 파트너에 아직 없는 인원 { $count }명 추가 필요(각자 다음 중 하나 취득):
plan-alternative = { $credentials }: { $date }까지
plan-no-credentials = 이 레벨에 나열된 자격 중 기한 내에 취득할 수 있는 자격이 없습니다.
dash-plan = 계획
dash-plan-target = 목표 레벨
dash-plan-by = 기한
dash-plan-show = 계획 보기
dash-plan-failed = 계획을 만들 수 없습니다. 원인은 서비스 로그에서 확인하세요.
dash-whatif = 가상 분석: 초안의 영향
dash-whatif-help = 초안 버전(프로그램 규칙과 같은 형식으로 program = "ID" 및 [[versions]] 항목 하나가 있는 파일)을 업로드하거나 텍스트를 붙여 넣거나, 규칙에 있는 초안을 선택하세요. 모든 파트너를 현행 버전과 초안으로 각각 판정합니다.
dash-whatif-file = 초안 파일
dash-whatif-text = 또는 초안 텍스트
dash-whatif-rules-draft = 또는 규칙에 있는 초안
dash-whatif-submit = 초안 평가
dash-whatif-no-draft = 초안을 지정하세요. 파일, 초안 텍스트 또는 규칙에 있는 초안 중 하나가 필요합니다.
dash-whatif-csv = 레벨이 바뀌는 파트너 다운로드(CSV)
dash-whatif-chart = 레벨별 파트너: 현행 및 초안 적용 시
dash-whatif-in-force = 현행
dash-whatif-under-draft = 초안 적용 시
dash-whatif-more = 이 밖에 파트너 { $count }곳의 레벨이 바뀝니다. 전체 목록은 CSV에 있습니다.
dash-whatif-link = 가상 분석…
plan-points = 점수: { $score }점 / 필요 점수 { $required }점. { $gap }점 추가 필요(모든 지표에서 최소 { $least }점):
plan-change-customers = { $metric }: { $date }까지 한 달 동안 사용량이 { $amount } 이상인 고객 { $count }명 추가
plan-change-services = { $metric }: { $date }까지 한 달 동안 { $customer } 고객이 사용하는 서비스 { $count }개 추가
plan-change-consumption = { $metric }: { $date }까지 한 달 동안 { $customer } 고객의 사용량 { $amount } 추가
plan-change-people = { $metric }: { $date }까지 { $credentials } 보유 인원 { $count }명 추가
plan-change-or = 또는 대신 다음 중 하나: { $credentials }
plan-outlook = 지표별 점수(현재 → 계획 실행 시):
plan-outlook-metric = { $metric }: { $points }점 → { $with }점 / 최대 { $max }점
