# attain — 利用者向けメッセージ、ja-JP (日本語)。
# Variables: numbers, amounts and dates arrive already formatted for the locale
# (ICU4X, CLDR data), except plural selectors, which are plain numbers.
# Japanese has only the CLDR plural category "other", so counts are written once, without a selector.

## Vocabulary

market-developed = 先進国
market-emerging = 新興国
level-none = レベルなし
# An amount of US dollars; $amount is the number formatted for the locale.
money-usd = { $amount } 米ドル
credential-kind-exam = 試験
credential-kind-assessment = 評価
credential-kind-certification = 認定資格
# A credential in running text: "試験 70-534 (Architecting Microsoft Azure Solutions)".
credential-in-text = { $kind } { $code } ({ $title })
# A credential no program lists: its kind and code.
credential-code-in-text = { $kind } { $code }
list-and = { $first } および { $second }
list-or = { $first } または { $second }
association-DPOR = デジタル指名パートナー (DPOR)
association-TPOR = 取引指名パートナー (TPOR)
association-DAP = 委任された管理者特権 (DAP)
association-CSP = Cloud Solution Provider (CSP)
association-PAL = Partner Admin Link (PAL)
# A whole percentage; $value is the number formatted for the locale (CLDR: no space before %).
unit-percent = { $value }%

## attain evaluate --format table

table-title = { $program } ({ $option }) · ルール バージョン { $version } · { $date } 時点 · 対象期間 { $start } ～ { $end }
table-partner = パートナー
table-name = 名前
table-market = 市場
table-level = レベル
table-consumption = 消費額 (USD)
table-individuals = 有資格者数
table-drops-on = 降格予定日
table-score = スコア
table-summary = パートナー { $total } 社: レベル取得 { $leveled } 社
table-summary-level = { $level } { $count } 社

## attain explain

explain-title = { $partner } ({ $id }) · { $program } コンピテンシー、{ $option } オプション
explain-context = { $date } 時点 · ルール バージョン { $version } · { $market }市場 ({ $country })
explain-window = 消費の対象期間: { $start } ～ { $end }
explain-level = レベル: { $level }
explain-drops = 降格予定日: { $date } (降格後のレベル: { $level })
explain-requirements = 要件
explain-level-met = { $level }: 達成
explain-level-not-met = { $level }: 未達成
explain-consumption = 消費額: { $value } / { $threshold }
explain-individuals = 有資格者数: { $value } / { $required }
explain-met = 達成
explain-gap-consumption = あと { $gap }の消費が必要
explain-gap-individuals = あと { $gap } 人が必要
explain-customers = 対象期間内の顧客 ({ $kinds } の関連付けにより計上)
explain-nothing = なし
explain-excluded-kind = { $amount } を除外: { $kinds } の関連付けのみで、カウント対象外
explain-excluded-date = { $amount } ({ $rows } 行) を除外: 該当日に { $kinds } の関連付けなし
explain-people = 個人
explain-no-people = 記録なし
explain-counts = { $credentials } により { $levels } の要件にカウント
explain-not-counted = カウント対象外: { $reason }
reason-not-yet-joined = { $date } に入社予定
reason-left = { $date } に退社
reason-no-longer-accepted = { $credential } が認められるのは { $date } まででした
reason-achieved-after = { $credential } の合格日が { $date } で、基準日より後です
reason-incomplete = { $credentials } がまだ必要です
reason-not-qualifying = 対象となる資格を保有していません ({ $credentials })
reason-no-achievements = 試験または評価の記録がありません
explain-warnings = 今後 12 か月以内
warning-person = { $date }: { $name } ({ $id }) がカウント対象外になります: { $cause }
cause-leaves = { $date } に退社予定
cause-no-longer-accepted = { $credential } が認められるのは { $date } までです
cause-not-listed = ルール バージョン { $version } では保有資格が対象から外れます
warning-association = { $date }: { $customer } との { $kind } の関連付けが終了します。以降の消費は計上されません
explain-why-drop = { $date } にレベルが下がる理由
drop-consumption = その期間の消費額は { $value } で、{ $threshold } を下回ります
drop-individuals = 有資格者 { $qualified } 人 (必要数 { $required } 人)
drop-note = ({ $date } までに記録された消費のみを集計)

## attain explain, programs that declare metrics (e.g. a partner capability score)

metric-explain-title = { $partner } ({ $id }) · { $program } · { $option }
metric-explain-context = { $date } 時点 · ルール バージョン { $version } · { $country }
metric-explain-months = 測定対象の月: { $start } ～ { $end }
metric-explain-score = スコア { $score } / 必要 { $total }、各メトリックに { $least } ポイント以上が必要
metric-explain-below-minimum = 最低ポイント未満: { $metrics }
metric-explain-threshold = { $metric }: { $value } / { $required }
metric-explain-metrics = メトリック
metric-explain-points = { $metric }: { $value } · { $points } / { $max } ポイント
metric-explain-value = { $metric }: { $value }
metric-explain-change = 現在 { $current }、1 年前 { $earlier }
metric-explain-prerequisite = 前提条件の資格を保有する人が { $required } 人以上いる場合のみカウント (現在 { $people } 人)
metric-explain-counted = カウント対象: { $items }
metric-explain-not-counted = カウント対象外: { $items }
metric-explain-excluded = どのメトリックにもカウントされない消費
metric-excluded-rows = { $reason }: { $amount } ({ $rows } 行)
metric-excluded-kind = { $kinds } の関連付けのみで、カウント対象外
metric-excluded-outside = 該当日にカウント対象の関連付けなし
column-service = サービス
column-offer = オファー
metric-excluded-column = { $column }「{ $value }」はルールにより除外
metric-drop-points = { $metric }: 現在 { $value }、その時点 { $then } · { $points } → { $lower } ポイント
metric-drop-value = { $metric }: 現在 { $value }、その時点 { $then }
metric-drop-score = その時点のスコア: { $score }
because-below_least_amount = 月間の最低額未満
because-not_counted_by_rule = ルールによりカウント対象外
because-no_consumption_above_zero = ゼロを超える消費なし
because-prerequisite_not_met = 前提条件を満たしていない
because-incomplete = 不足している資格

## attain requirements (the requirement page of a program version)

req-title = { $program } コンピテンシー
req-option = { $option } オプション
req-steps = { $program } コンピテンシーを取得するには、以下のすべてのステップを完了してください。
req-performance = 組織はパフォーマンスのしきい値を満たす必要があります。
req-market-developed = 先進国市場
req-market-emerging = 新興国市場
req-threshold-month = パートナーは、過去 { $months } か月間の { $product } の顧客消費額が { $amount } 以上であることを示す必要があります
req-threshold-day = パートナーは、審査日を末日とする { $months } か月間の { $product } の顧客消費額が { $amount } 以上であることを示す必要があります
req-associations = これらの顧客について、{ $kinds } として関連付けられている必要があります。
req-learn-more = これらの関連付けの[詳細はこちら]({ $url })をご覧ください。
req-individuals = 組織内の **{ $count }** 人が試験または評価の要件に合格している必要があります。
req-assessments = 次のいずれかの評価に **{ $count }** 人が合格する必要があります:
req-exams = 次のいずれかの試験に **{ $count }** 人が合格する必要があります:
req-or = または
req-all-of = { $credentials } のすべて
req-exam = 試験 { $code }
req-retires = { $date } に廃止されます。
req-accepted-until = この試験は、{ $date } まで引き続きコンピテンシー取得の要件として認められます。
req-registration-until = この試験には { $date } まで登録できます。
req-replacement = { $date } 以降は、上記の後継試験 { $replacement } に登録する必要があります。
req-version = ルール バージョン { $version } ({ $date } から適用)。

# 宣言したメトリックでレベルを示すバージョン (ポイントのスコア、値のしきい値)。
req-metric-title = { $program }: 要件
req-metric-steps = 以下に示すレベルの条件をすべて満たすと、組織はそのレベルを取得できます。メトリックの測定方法と採点方法については、メトリックのセクションを参照してください。
req-metric-score-total = 組織は、以下のメトリックの合計で **{ $total }** ポイント以上を獲得する必要があります。
req-metric-score-each = 各メトリックで **{ $least }** ポイント以上を獲得する必要があります。
req-metric-score-each-scored = ポイントを付与する各メトリックで **{ $least }** ポイント以上を獲得する必要があります。
req-metric-score-most = メトリック全体で獲得できるのは最大 **{ $points }** ポイントです。
req-metric-thresholds = 組織は次のメトリック値に達する必要があります:
req-metric-threshold = { $metric }: **{ $value }** 以上
req-metric-heading = メトリック
req-metric-last-month = 消費は暦月単位で数えます。**前月**とは、審査日より前の最後の完全な月です。
req-metric-associations = 消費は、その消費日に組織が { $kinds } として顧客に関連付けられている場合に、組織の消費としてカウントされます。
req-metric-associations-reported = 顧客の報告値は、審査日に組織が { $kinds } として顧客に関連付けられている場合に、組織の値としてカウントされます。
req-metric-excluded-offer = オファー { $values } の消費は、どのメトリックにもカウントされません。
req-metric-excluded-service = サービス { $values } の消費は、どのメトリックにもカウントされません。
req-metric-people-day = 個人は審査日にカウントされます。各個人は、その日に組織に所属し、期限切れでなく引き続き認められている一覧の資格を保有している必要があります。一覧の資格を複数保有していても、個人はメトリックごとに一度だけカウントされます。
# データの値 (サービス名またはオファー名) をかぎかっこで囲んだもの。
req-metric-value = 「{ $value }」
req-metric-category = カテゴリ: { $category }
req-metric-category-performance = パフォーマンス
req-metric-category-skilling = スキル
req-metric-category-customer-success = カスタマー サクセス
req-metric-consumption = { $months ->
    [1] 前月に組織に計上された { $product } の消費額。
   *[other] 前月までの { $months } か月間に組織に計上された { $product } の消費額。
  }
req-metric-customers = { $months ->
    [1] 前月に組織に計上された { $product } の消費額が { $amount } 以上の顧客の数。
   *[other] 前月までの { $months } か月間のいずれかの月に、組織に計上された { $product } の消費額が { $amount } 以上だった顧客の数。
  }
req-metric-distinct-service = { $months ->
    [1] 前月に組織に計上された { $product } の消費額がゼロを超える、異なるサービスの数。
   *[other] 前月までの { $months } か月間に組織に計上された { $product } の消費額がゼロを超える、異なるサービスの数。
  }
req-metric-distinct-offer = { $months ->
    [1] 前月に組織に計上された { $product } の消費額がゼロを超える、異なるオファーの数。
   *[other] 前月までの { $months } か月間に組織に計上された { $product } の消費額がゼロを超える、異なるオファーの数。
  }
req-metric-except = カウント対象外: { $values }。
req-metric-people-any = 次のいずれかの資格を保有する組織内の個人の数:
req-metric-people-all = 次の資格をすべて保有する組織内の個人の数:
req-metric-latest = 審査日に組織に計上される顧客について、審査日までに報告された最新の { $measure } の値を合計したもの。
req-metric-prerequisite = 次のいずれかの資格を保有する個人が **{ $count }** 人以上いる場合にのみカウントされます:
req-metric-change = このメトリックは { $months } か月間の変化で、現在の値から { $months } か月前の同じ値を引いたものです。
req-metric-growth = このメトリックは { $months } か月間の成長率 (整数のパーセント、切り捨て) で、{ $months } か月前の値からの増加分をその以前の値で割ったものです。
req-metric-growth-base = 以前の値がゼロを超え、かつ現在の値が { $amount } 以上である場合を除き、0 になります。
req-metric-growth-above-zero = 以前の値がゼロを超えている場合を除き、0 になります。
req-metric-points = { $unit }につき **{ $per }** ポイント、最大 **{ $max }** ポイント。
req-metric-unit-customers = 顧客 { $count } 人
req-metric-unit-people = 個人 { $count } 人
req-metric-unit-service = サービス { $count } 件
req-metric-unit-offer = オファー { $count } 件
req-metric-unit-percent = { $count } パーセント ポイント
req-metric-unit-number = 値 { $count } 単位
req-metric-retires = 廃止日: { $date }。
req-metric-accepted-until = { $date } までカウントされます。
req-metric-registration-until = { $date } まで取得できます。
req-metric-replacement = 後継: { $replacement }。

## attain serve: the dashboard (HTML pages for partners and operators)

dash-signin-title = サインイン
dash-signin-help = 発行されたアクセス トークンを貼り付けてください (attain_ で始まります)。このブラウザーは、スクリプトから読み取れない Cookie にトークンを保存します。
dash-signin-token = アクセス トークン
dash-signin-submit = サインイン
dash-signin-failed = このトークンは無効であるか、取り消されています。
dash-signout = サインアウト
dash-as-of = 基準日
dash-level = レベル
dash-score = スコア
dash-drops-on-date = 降格予定日
dash-as-of-snapshot = (最新のスナップショットの日付)
dash-as-of-data = (データの最終月の末日)
dash-as-of-today = (今日)
dash-language = 言語
dash-show = 表示
dash-market = { $market }市場 · { $country }
dash-window = 消費の対象期間: { $start } ～ { $end }
dash-version = ルール バージョン { $version }
dash-drops-on = { $date } に { $level } へ降格予定
dash-no-drop = 今後 13 か月以内の降格予定なし
dash-requirements = 要件
dash-consumption = 顧客の消費額
dash-individuals = 有資格者
dash-of = { $value } / { $threshold }
dash-chart = 月別の計上消費額
dash-chart-window = 対象期間
dash-chart-cumulative = 対象期間内の累計
dash-chart-threshold = { $level } のしきい値：{ $amount }
dash-chart-off-scale = { $threshold }（グラフの範囲より上）
dash-customers = 計上対象の顧客
dash-customer = 顧客
dash-credited = 計上額
dash-associations = 関連付け
dash-note = 備考
dash-people = 個人
dash-person = 氏名
dash-status = 状態
dash-warnings = 警告
dash-no-warnings = 今後 12 か月以内にカウント対象外になるものはありません。
dash-history = 状態の履歴
dash-no-history = スナップショットはまだありません。運用担当者が attain snapshot で作成します。
dash-change-attained = { $level } を取得
dash-change-lost = { $level } を喪失
dash-change-between = ({ $previous } ～ { $date } の間)
dash-overview = すべてのパートナー
dash-per-level = レベル別のパートナー数
dash-search = ID、名前、または国/地域で検索
dash-search-submit = 検索
dash-dropping = 90 日以内に降格するレベル
dash-none-dropping = 90 日以内に降格するレベルはありません。
dash-results = パートナー { $count } 社
dash-partner = パートナー
dash-name = 名前
dash-country = 国/地域
dash-not-found = 該当するパートナーが見つかりません。
dash-admin-only = このページは運用担当者向けです。お使いのアクセス トークンはパートナー用です。ご自身のページは /partners/ID にあります。
dash-busy = サービスはプログラム全体の判定で混み合っています。数秒後にもう一度お試しください。

## attain lint (findings on a requirement page; $level, $metric are names, $version a version id,
## $market is `developed` or `emerging`)
lint-statement = { $message } (期待値: { $expected }、実際の値: { $found })
lint-summary = { $files ->
   *[other] ファイル { $files } 件
  }、{ $errors ->
   *[other] エラー { $errors } 件
  }、{ $warnings ->
   *[other] 警告 { $warnings } 件
  }、{ $notes ->
   *[other] 注記 { $notes } 件
  }
lint-none = なし
lint-not-listed = 一覧に記載なし
lint-not-stated = 記載なし
lint-not-described = 説明なし
lint-no-amount = 金額なし
lint-no-points = ポイントなし
lint-no-threshold = しきい値なし
lint-no-title = タイトルなし
lint-no-date = 日付なし
lint-a-metric = メトリック
lint-catalog-credential = カタログにある資格
lint-months = { $count ->
   *[other] { $count } か月
  }
lint-program-unknown = このページには attain が認識できるプログラムの説明がないため、何もチェックしていません
lint-page-date = ページの日付が MM/DD/YYYY 形式ではありません。最新のルール バージョン { $version } に照らしてチェックしました
lint-version-announced = ページの日付 { $date } は { $program } の最初のバージョンより前です。ページで予告されているバージョン { $version } ({ $start } から適用) に照らしてチェックしました
lint-no-requirements = 要件の記載がありません
lint-no-requirements-commented = 要件の記載がありません (ページの本文がコメントアウトされています)
lint-market-heading = { $level }: しきい値の上にあるこの見出しには、attain が識別できる市場が示されていません。その下のしきい値は、すべての市場のしきい値と照合します
lint-threshold-none = { $level } には、ルール バージョン { $version } での消費額のしきい値がありません
lint-threshold = { $level } のしきい値がルールと矛盾しています
lint-threshold-market = { $level } のしきい値 ({ $market ->
    [developed] 先進国市場
   *[emerging] 新興国市場
  }) がルールと矛盾しています
lint-threshold-unidentified = { $level } のしきい値が、ルールのどの市場のしきい値とも一致しません
lint-threshold-missing = { $level } に{ $market ->
    [developed] 先進国市場
   *[emerging] 新興国市場
  }のしきい値が記載されていませんが、ルール バージョン { $version } では設定されています
lint-window = { $level } の消費の対象期間がルールと矛盾しています
lint-individuals = { $level } の有資格者数がルールと矛盾しています
lint-credential-unlisted = { $level } に { $id } が記載されていますが、ルール バージョン { $version } には含まれていません
lint-credential-missing = { $level } に { $id } が記載されていませんが、ルール バージョン { $version } では必須です
lint-metric-credential-unlisted = { $metric } に { $id } が記載されていますが、ルール バージョン { $version } ではこのメトリックにカウントされません
lint-metric-credential-missing = { $metric } に { $id } が記載されていませんが、ルール バージョン { $version } ではこのメトリックにカウントされます
lint-credential-unknown = どのカタログにもない { $id } が記載されています
lint-credential-title = { $id } のタイトルに { $product } が使われていますが、正式なタイトルにはこの製品が含まれていません
lint-date = 日付が、一覧の資格の廃止日、登録期限、要件として認められる期限のいずれでもありません
lint-segment-numbers = 翻訳されたセグメントの数値が原文と異なります
lint-segment-dates = 翻訳されたセグメントの日付が原文と異なります
lint-segment-links = 翻訳されたセグメントのリンクが原文と異なります
lint-segment-products = 翻訳されたセグメントの製品名が原文と異なります
lint-segment-names = 翻訳されたセグメントでのプログラム、オプション、またはレベルの名前が、英語の原文とも用語集の訳語とも異なります
lint-metric-missing = ルール バージョン { $version } で宣言されている { $metric } の説明がページにありません
lint-score-none = { $level } には、ルール バージョン { $version } でのスコアがありません
lint-score-total = { $level } の合計スコアがルールと矛盾しています
lint-score-each = { $level } の各メトリックの最低ポイントがルールと矛盾しています
lint-score-highest = { $level } の獲得可能な最高スコアがルールと矛盾しています
lint-metric-threshold-none = { $level } には、ルール バージョン { $version } での { $metric } のしきい値がありません
lint-metric-threshold = { $level } の { $metric } のしきい値がルールと矛盾しています
lint-metric-threshold-market = { $level } の { $metric } のしきい値 ({ $market ->
    [developed] 先進国市場
   *[emerging] 新興国市場
  }) がルールと矛盾しています
lint-points-none = { $metric } には、ルール バージョン { $version } でポイントが付与されません
lint-points-cap = { $metric } のポイント上限がルールと矛盾しています
lint-points-rate = { $metric } の単位あたりのポイントがルールと矛盾しています
lint-metric-amount = { $metric } の金額がルールと矛盾しています
lint-metric-months = { $metric } の月数がルールと矛盾しています
lint-prerequisite = { $metric } の前提条件を満たす必要人数がルールと矛盾しています

## attain compare: a draft version against the version in force
compare-title = { $program }: 現行のルール バージョン { $version } と草案 { $draft } の比較 · { $date } 時点
compare-summary = パートナー { $partners } 社: レベル上昇 { $gained } 社、レベル低下 { $lost } 社、変化なし { $unchanged } 社
compare-col-before = 現行
compare-col-after = 草案適用後
compare-col-partners = パートナー数
compare-col-market = 市場
compare-col-country = 国/地域
compare-col-gained = レベル上昇
compare-col-lost = レベル低下
compare-col-unchanged = 変化なし
compare-col-levels = レベル
compare-col-why = 変化の要因
compare-col-requirement = 要件
compare-changed = レベルが変わるパートナー
compare-changed-none = レベルが変わるパートナーはありません。
compare-new-gaps = 草案で新たに未達成となる要件
compare-why = { $level }: { $before } → { $after }
compare-met = 達成
compare-lacks-consumption = 消費額 { $value } / { $required }
compare-lacks-individuals = 有資格者 { $value } / { $required } 人
compare-lacks-score = { $value } / { $required } ポイント
compare-lacks-minimum = { $metric } が最低ポイント未満
compare-lacks-threshold = { $metric } { $value } / { $required }
compare-requirement-consumption = 消費額
compare-requirement-individuals = 有資格者数
compare-requirement-score = スコア
compare-requirement-minimum = { $metric } の最低ポイント

## attain requirements --draft: the change page of a draft
req-change-title = { $program }: 草案 { $draft } による変更点
req-change-intro = { $option } オプションの要件の草案 { $draft } を、{ $since } から適用されているルール バージョン { $version } と比較します。採用された場合、草案は { $effective } から適用されます。
req-change-all-levels = すべてのレベル
req-change-metrics = メトリック
req-change-none = 要件に変更はありません。
req-change-nothing = なし
req-change-window = { $product } の消費をカウントする直近の月数: { $before } → { $after }
req-change-associations = 消費がカウントされる関連付け: { $before } → { $after }
req-change-left-out = 除外される消費: { $before } → { $after }
req-change-threshold = 消費額のしきい値: { $before } → { $after }
req-change-threshold-market = 消費額のしきい値 ({ $market }): { $before } → { $after }
req-change-individuals = 有資格者数: { $before } → { $after }
req-change-listed = 新たに一覧に追加: { $credential }
req-change-unlisted = 一覧から削除: { $credential }
req-change-score = 必要なポイント: { $before } → { $after }
req-change-each-metric = 各メトリックの最低ポイント: { $before } → { $after }
req-change-at-least = { $metric } ({ $market }) の下限: { $before } → { $after }
req-change-metric-added = 新しいメトリック: { $metric }。
req-change-metric-changed = { $metric } の測定方法または採点方法が変わります。
req-change-metric-removed = カウントされなくなるメトリック: { $metric }

## attain plan: what a partner must do to hold a level on a date
plan-title = { $partner } ({ $id }) が { $date } 時点で { $level } の要件を満たすための計画
plan-context = { $program }、ルール バージョン { $version } · { $as_of } までのデータに基づく
plan-if-nothing = 何も変わらない場合の { $date } 時点のレベル: { $level }
plan-met = { $date } 時点で { $level } の要件を満たしており、追加の対応は不要です。
plan-unreachable = { $date } までに { $level } を達成することはもうできません。不足している内容は以下のとおりです。
plan-consumption = 消費額: 対象期間 { $start } ～ { $end } の計上額 { $credited } / { $threshold }。{ $last } までにあと { $needed } が必要です:
plan-consumption-month = { $from } ～ { $by }: { $amount }
plan-no-day-left = 対象期間に今後の日が残っていません。より後の日付を選んでください。
plan-customers = { $customers } との関連付けにより計上されます。
plan-customer-until = { $customer } ({ $date } まで)
plan-no-customers = これらの日にカウント対象の関連付けがありません。まず顧客との関連付けが必要です。
plan-people = 有資格者数: { $qualified } / { $required } 人。あと { $gap } 人が必要です:
plan-person = { $name } ({ $id }): { $date } までに { $credentials } を取得
plan-person-holds = {"、"}{ $credentials } は取得済み
plan-new-people = 現在パートナーに所属していない人が新たに { $count } 人必要です。それぞれ次のいずれかを取得します:
plan-alternative = { $credentials }、期限 { $date }
plan-no-credentials = このレベルの一覧にある資格のうち、期限までに取得できるものはもうありません。
dash-plan = 計画
dash-plan-target = 目標レベル
dash-plan-by = 期日
dash-plan-show = 計画を表示
dash-plan-failed = 計画を作成できませんでした。理由はサービスのログに記録されています。
dash-whatif = What-If 分析: 草案の影響
dash-whatif-help = 草案のバージョン (プログラムのルールと同じ形式で、program = "ID" と [[versions]] エントリを 1 つ含むファイル) をアップロードするかテキストを貼り付けるか、ルールにある草案を選択してください。すべてのパートナーを現行バージョンと草案の両方で判定します。
dash-whatif-file = 草案ファイル
dash-whatif-text = または草案のテキスト
dash-whatif-rules-draft = またはルールにある草案
dash-whatif-submit = 草案を評価
dash-whatif-no-draft = 草案を指定してください (ファイル、そのテキスト、またはルールにある草案)。
dash-whatif-csv = レベルが変わるパートナーをダウンロード (CSV)
dash-whatif-chart = レベル別のパートナー数 (現行と草案適用後)
dash-whatif-in-force = 現行
dash-whatif-under-draft = 草案適用後
dash-whatif-more = ほかに { $count } 社のレベルが変わります。すべて CSV に記載されています。
dash-whatif-link = What-If 分析…
plan-points = ポイント: { $score } / { $required }。あと { $gap } ポイントが必要です (各メトリックで { $least } ポイント以上):
plan-change-customers = { $metric }: { $date } を末日とする 1 か月間の消費額が { $amount } 以上の顧客を { $count } 人追加
plan-change-services = { $metric }: { $date } を末日とする 1 か月間に { $customer } が使用するサービスを { $count } 件追加
plan-change-consumption = { $metric }: { $date } を末日とする 1 か月間に { $customer } の消費額を { $amount } 追加
plan-change-people = { $metric }: { $date } までに { $credentials } を保有する人を { $count } 人追加
plan-change-or = または、代わりに次のいずれか: { $credentials }
plan-outlook = メトリック別のポイント (現在 → 計画の実行後):
plan-outlook-metric = { $metric }: { $points } → { $with } / { $max } ポイント
