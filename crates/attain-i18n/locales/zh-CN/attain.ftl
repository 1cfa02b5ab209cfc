# attain — 面向用户的消息，zh-CN（简体中文）。
# 变量：数字、金额和日期在传入时已按区域设置格式化（ICU4X，CLDR 数据），
# 复数选择器除外，它们是普通数字。中文不区分单复数，因此不使用选择器。

## 词汇

market-developed = 发达
market-emerging = 新兴
level-none = 无级别
# 美元金额；$amount 是已按区域设置格式化的数字。
money-usd = { $amount } 美元
credential-kind-exam = 考试
credential-kind-assessment = 评估
credential-kind-certification = 认证
# 正文中的资格，例如“考试 70-534 (Architecting Microsoft Azure Solutions)”。
credential-in-text = { $kind } { $code } ({ $title })
# A credential no program lists: its kind and code.
credential-code-in-text = { $kind } { $code }
list-and = { $first } 和 { $second }
list-or = { $first } 或 { $second }
association-DPOR = 数字记录合作伙伴 (DPOR)
association-TPOR = 交易记录合作伙伴 (TPOR)
association-DAP = 委派的管理员权限 (DAP)
association-CSP = Cloud Solution Provider (CSP)
association-PAL = Partner Admin Link (PAL)
# 整数百分比；$value 是已按区域设置格式化的数字（CLDR：% 前不加空格）。
unit-percent = { $value }%

## attain evaluate --format table

table-title = { $program } ({ $option }) · 规则版本 { $version } · 截至 { $date } · 统计期 { $start } 至 { $end }
table-partner = 合作伙伴
table-name = 名称
table-market = 市场
table-level = 级别
table-consumption = 消耗量（美元）
table-individuals = 人员
table-drops-on = 降级日期
table-score = 得分
table-summary = 共 { $total } 个合作伙伴，其中 { $leveled } 个已达到级别
table-summary-level = { $level } { $count } 个

## attain explain

explain-title = { $partner } ({ $id }) · { $program } 能力，{ $option } 选项
explain-context = 截至 { $date } · 规则版本 { $version } · { $market }市场 ({ $country })
explain-window = 消耗统计期：{ $start } 至 { $end }
explain-level = 级别：{ $level }
explain-drops = 将于 { $date } 降为 { $level }
explain-requirements = 要求
explain-level-met = { $level }：已满足
explain-level-not-met = { $level }：未满足
explain-consumption = 消耗量：{ $value }，要求 { $threshold }
explain-individuals = 人员：{ $value } 人，要求 { $required } 人
explain-met = 已满足
explain-gap-consumption = 消耗量还差 { $gap }
explain-gap-individuals = 还差 { $gap } 人
explain-customers = 统计期内的客户（通过 { $kinds } 计入）
explain-nothing = 无
explain-excluded-kind = 已排除 { $amount }：仅有 { $kinds } 关联，此类关联不计入
explain-excluded-date = 已排除 { $amount }（{ $rows } 行）：这些日期没有 { $kinds } 关联
explain-people = 人员
explain-no-people = 无记录
explain-counts = 凭 { $credentials } 计入 { $levels }
explain-not-counted = 不计入：{ $reason }
reason-not-yet-joined = 将于 { $date } 加入
reason-left = 已于 { $date } 离开
reason-no-longer-accepted = { $credential } 仅认可至 { $date }
reason-achieved-after = { $credential } 于 { $date } 通过，晚于基准日期
reason-incomplete = 仍需 { $credentials }
reason-not-qualifying = 所持资格均不符合要求（{ $credentials }）
reason-no-achievements = 没有考试或评估记录
explain-warnings = 未来 12 个月内
warning-person = { $date }：{ $name } ({ $id }) 将不再计入：{ $cause }
cause-leaves = 将于 { $date } 离开
cause-no-longer-accepted = { $credential } 仅认可至 { $date }
cause-not-listed = 规则版本 { $version } 不再列出其所持资格
warning-association = { $date }：与 { $customer } 的 { $kind } 关联结束；此后的消耗量不再计入
explain-why-drop = 级别于 { $date } 下降的原因
drop-consumption = 该统计期内的消耗量为 { $value }，低于 { $threshold }
drop-individuals = 合格人员 { $qualified } 人，要求 { $required } 人
drop-note = （仅计算截至 { $date } 已记录的消耗量）

## attain explain，声明指标的计划（例如合作伙伴能力得分）

metric-explain-title = { $partner } ({ $id }) · { $program } · { $option }
metric-explain-context = 截至 { $date } · 规则版本 { $version } · { $country }
metric-explain-months = 统计月份：{ $start } 至 { $end }
metric-explain-score = 得分 { $score }，要求 { $total }；每项指标至少需要 { $least } 分
metric-explain-below-minimum = 低于最低分数：{ $metrics }
metric-explain-threshold = { $metric }：{ $value }，要求 { $required }
metric-explain-metrics = 指标
metric-explain-points = { $metric }：{ $value } · { $points } 分，满分 { $max } 分
metric-explain-value = { $metric }：{ $value }
metric-explain-change = 当前 { $current }，一年前 { $earlier }
metric-explain-prerequisite = 仅当至少 { $required } 名合格人员具备先决资格时才计入（目前 { $people } 人）
metric-explain-counted = 计入：{ $items }
metric-explain-not-counted = 不计入：{ $items }
metric-explain-excluded = 不计入任何指标的消耗量
metric-excluded-rows = { $reason }：{ $amount }（{ $rows } 行）
metric-excluded-kind = 仅有 { $kinds } 关联，此类关联不计入
metric-excluded-outside = 这些日期没有可计入的关联
column-service = 服务
column-offer = 产品/服务
metric-excluded-column = { $column }「{ $value }」，按规则排除
metric-drop-points = { $metric }：当前 { $value }，届时 { $then } · { $points } 分 → { $lower } 分
metric-drop-value = { $metric }：当前 { $value }，届时 { $then }
metric-drop-score = 届时得分：{ $score }
because-below_least_amount = 低于每月最低金额
because-not_counted_by_rule = 按规则不计入
because-no_consumption_above_zero = 没有大于零的消耗量
because-prerequisite_not_met = 未满足先决条件
because-incomplete = 仍缺少

## attain requirements（某一计划版本的要求页面）

req-title = { $program } 能力
req-option = { $option } 选项
req-steps = 完成以下所有步骤，即可获得 { $program } 能力。
req-performance = 你的组织必须达到绩效阈值。
req-market-developed = 发达市场
req-market-emerging = 新兴市场
req-threshold-month = 合作伙伴必须证明在过去 { $months } 个月内实现了 { $amount } 的 { $product } 客户消耗量
req-threshold-day = 合作伙伴必须证明在截至审核当日的 { $months } 个月内实现了 { $amount } 的 { $product } 客户消耗量
req-associations = 对于这些客户，你必须作为 { $kinds } 与其建立关联。
req-learn-more = [详细了解]({ $url })这些关联。
req-individuals = 你的组织必须有 **{ $count }** 人通过考试或评估要求。
req-assessments = 必须有 **{ $count }** 人通过以下评估之一：
req-exams = 必须有 **{ $count }** 人通过以下考试之一：
req-or = 或
req-all-of = 全部通过 { $credentials }
req-exam = 考试 { $code }
req-retires = 将于 { $date } 停用。
req-accepted-until = 此考试可继续计入能力获取要求，直至 { $date }。
req-registration-until = 此考试的注册截止日期为 { $date }。
req-replacement = { $date } 之后，你需要注册上面列出的替代考试 { $replacement }。
req-version = 规则版本 { $version }，自 { $date } 起生效。

# 以声明的指标表示级别的版本（计分、指标值阈值）。
req-metric-title = { $program }：要求
req-metric-steps = 你的组织满足下方某一级别列出的全部条件，即可获得该级别；指标的衡量和计分方式见“指标”一节。
req-metric-score-total = 你的组织在下列指标中的总分必须至少达到 **{ $total }** 分。
req-metric-score-each = 每项指标必须至少获得 **{ $least }** 分。
req-metric-score-each-scored = 计分的每项指标必须至少获得 **{ $least }** 分。
req-metric-score-most = 所有指标合计最多可得 **{ $points }** 分。
req-metric-thresholds = 你的组织必须达到以下指标值：
req-metric-threshold = { $metric }：至少 **{ $value }**
req-metric-heading = 指标
req-metric-last-month = 消耗量按自然月统计：**上个月**是指审核日之前的最后一个完整月份。
req-metric-associations = 如果你的组织在消耗发生当日以 { $kinds } 身份与客户建立了关联，该消耗量即计入你的组织。
req-metric-associations-reported = 如果你的组织在审核当日以 { $kinds } 身份与客户建立了关联，该客户报告的值即计入你的组织。
req-metric-excluded-offer = 产品/服务类别 { $values } 的消耗量不计入任何指标。
req-metric-excluded-service = 服务 { $values } 的消耗量不计入任何指标。
req-metric-people-day = 人员在审核当日统计：每人必须在当日隶属于你的组织，并持有列表中未过期且仍被认可的资格。无论持有多少项列表中的资格，每人在每项指标中只计一次。
# 数据中的值（服务或产品/服务类别的名称），加引号。
req-metric-value = 「{ $value }」
req-metric-category = 类别：{ $category }
req-metric-category-performance = 绩效
req-metric-category-skilling = 技能
req-metric-category-customer-success = 客户成功
req-metric-consumption = { $months ->
    [1] 上个月计入你的组织的 { $product } 消耗量。
   *[other] 截至上个月的 { $months } 个月内计入你的组织的 { $product } 消耗量。
  }
req-metric-customers = { $months ->
    [1] 上个月计入你的组织的 { $product } 消耗量至少为 { $amount } 的客户数。
   *[other] 在截至上个月的 { $months } 个月中的任意一个月内，计入你的组织的 { $product } 消耗量至少为 { $amount } 的客户数。
  }
req-metric-distinct-service = { $months ->
    [1] 上个月计入你的组织的 { $product } 消耗量大于零的不同服务数。
   *[other] 截至上个月的 { $months } 个月内计入你的组织的 { $product } 消耗量大于零的不同服务数。
  }
req-metric-distinct-offer = { $months ->
    [1] 上个月计入你的组织的 { $product } 消耗量大于零的不同产品/服务类别数。
   *[other] 截至上个月的 { $months } 个月内计入你的组织的 { $product } 消耗量大于零的不同产品/服务类别数。
  }
req-metric-except = 不计入：{ $values }。
req-metric-people-any = 你的组织中持有以下任一资格的人数：
req-metric-people-all = 你的组织中持有以下全部资格的人数：
req-metric-latest = 审核当日计入你的组织的各客户在审核日当天或之前报告的最新 { $measure } 值之和。
req-metric-prerequisite = 仅当至少 **{ $count }** 人持有以下任一资格时才计入：
req-metric-change = 该指标为 { $months } 个月内的变化：当前值减去 { $months } 个月前的同一值。
req-metric-growth = 该指标为 { $months } 个月内的增长率（整数百分比，向下取整）：相对于 { $months } 个月前的值的增长量除以该早前值。
req-metric-growth-base = 除非早前值大于零且当前值至少为 { $amount }，否则为 0。
req-metric-growth-above-zero = 除非早前值大于零，否则为 0。
req-metric-points = 每 { $unit }得 **{ $per }** 分，最多 **{ $max }** 分。
req-metric-unit-customers = { $count } 名客户
req-metric-unit-people = { $count } 人
req-metric-unit-service = { $count } 项服务
req-metric-unit-offer = { $count } 个产品/服务类别
req-metric-unit-percent = { $count } 个百分点
req-metric-unit-number = { $count } 个单位
req-metric-retires = 停用日期：{ $date }。
req-metric-accepted-until = 计入截止日期：{ $date }。
req-metric-registration-until = 获取截止日期：{ $date }。
req-metric-replacement = 替代资格：{ $replacement }。

## attain serve：仪表板（面向合作伙伴和运营人员的 HTML 页面）

dash-signin-title = 登录
dash-signin-help = 请粘贴你获得的访问令牌，它以 attain_ 开头。此浏览器会将其保存在脚本无法读取的 Cookie 中。
dash-signin-token = 访问令牌
dash-signin-submit = 登录
dash-signin-failed = 此令牌无效或已被撤销。
dash-signout = 退出登录
dash-as-of = 截至
dash-level = 级别
dash-score = 得分
dash-drops-on-date = 降级日期
dash-as-of-snapshot = (最新快照的日期)
dash-as-of-data = (数据最后一个月的月末)
dash-as-of-today = (今天)
dash-language = 语言
dash-show = 显示
dash-market = { $market }市场 · { $country }
dash-window = 消耗统计期：{ $start } 至 { $end }
dash-version = 规则版本 { $version }
dash-drops-on = 将于 { $date } 降为 { $level }
dash-no-drop = 未来 13 个月内预计不会降级
dash-requirements = 要求
dash-consumption = 客户消耗量
dash-individuals = 合格人员
dash-of = { $value } / { $threshold }
dash-chart = 每月计入的消耗量
dash-chart-window = 统计期
dash-chart-cumulative = 统计期内累计
dash-chart-threshold = { $level } 阈值：{ $amount }
dash-chart-off-scale = { $threshold }（高于图表范围）
dash-customers = 计入消耗量的客户
dash-customer = 客户
dash-credited = 计入量
dash-associations = 关联
dash-note = 备注
dash-people = 人员
dash-person = 人员
dash-status = 状态
dash-warnings = 警告
dash-no-warnings = 未来 12 个月内没有即将不再计入的项目。
dash-history = 状态历史记录
dash-no-history = 尚无快照。运营人员可使用 attain snapshot 创建快照。
dash-change-attained = 达到 { $level }
dash-change-lost = 失去 { $level }
dash-change-between = （{ $previous } 至 { $date } 之间）
dash-overview = 所有合作伙伴
dash-per-level = 各级别的合作伙伴
dash-search = 按 ID、名称或国家/地区搜索
dash-search-submit = 搜索
dash-dropping = 90 天内将降级的级别
dash-none-dropping = 90 天内没有将降级的级别。
dash-results = { $count } 个合作伙伴
dash-partner = 合作伙伴
dash-name = 名称
dash-country = 国家/地区
dash-not-found = 找不到该合作伙伴。
dash-admin-only = 此页面仅供运营人员使用；你的访问令牌属于合作伙伴。你自己的页面位于 /partners/你的ID。
dash-busy = 服务正忙于评定整个计划，请几秒钟后重试。

## attain lint（要求页面上的检查结果；$level、$metric 是名称，$version 是版本 ID，
## $market 为 `developed` 或 `emerging`）
lint-statement = { $message }（应为 { $expected }，实际为 { $found }）
lint-summary = { $files ->
   *[other] { $files } 个文件
  }，{ $errors ->
   *[other] { $errors } 个错误
  }，{ $warnings ->
   *[other] { $warnings } 个警告
  }，{ $notes ->
   *[other] { $notes } 条提示
  }
lint-none = 无
lint-not-listed = 未列出
lint-not-stated = 未说明
lint-not-described = 未描述
lint-no-amount = 无金额
lint-no-points = 无分数
lint-no-threshold = 无阈值
lint-no-title = 无标题
lint-no-date = 无日期
lint-a-metric = 某项指标
lint-catalog-credential = 目录中的资格
lint-months = { $count ->
   *[other] { $count } 个月
  }
lint-program-unknown = 页面未描述 attain 已知的任何计划；未进行任何检查
lint-page-date = 页面日期不是 MM/DD/YYYY 格式；已按最新规则版本 { $version } 检查
lint-version-announced = 页面日期为 { $date }，早于 { $program } 的第一个版本；已按页面预告的版本 { $version }（自 { $start } 起生效）检查
lint-no-requirements = 未说明任何要求
lint-no-requirements-commented = 未说明任何要求（页面正文已被注释掉）
lint-market-heading = { $level }：阈值上方的此标题未指明 attain 能识别的市场；其下的阈值将与每个市场的阈值进行核对
lint-threshold-none = { $level } 在规则版本 { $version } 中没有消耗量阈值
lint-threshold = { $level } 阈值与规则不符
lint-threshold-market = { $level } 阈值（{ $market ->
    [developed] 发达市场
   *[emerging] 新兴市场
  }）与规则不符
lint-threshold-unidentified = { $level } 阈值与规则中任何市场的阈值都不符
lint-threshold-missing = { $level } 未说明{ $market ->
    [developed] 发达市场
   *[emerging] 新兴市场
  }阈值，但规则版本 { $version } 设定了该阈值
lint-window = { $level } 消耗统计期与规则不符
lint-individuals = { $level } 人员数量与规则不符
lint-credential-unlisted = { $level } 列出了 { $id }，但规则版本 { $version } 未列出该资格
lint-credential-missing = { $level } 未列出 { $id }，但规则版本 { $version } 要求该资格
lint-metric-credential-unlisted = { $metric } 列出了 { $id }，但规则版本 { $version } 不将其计入该指标
lint-metric-credential-missing = { $metric } 未列出 { $id }，但规则版本 { $version } 将其计入该指标
lint-credential-unknown = 提到了 { $id }，但任何目录中都没有该资格
lint-credential-title = { $id } 的标题中写有 { $product }，但其正式标题中并未提及该产品
lint-date = 该日期不是所列任何资格的停用日期、注册截止日期或计入截止日期
lint-segment-numbers = 译文段落中的数字与原文不同
lint-segment-dates = 译文段落中的日期与原文不同
lint-segment-links = 译文段落中的链接与原文不同
lint-segment-products = 译文段落中的产品名称与原文不同
lint-segment-names = 译文段落对计划、选项或级别的称呼既不同于英文原文，也不同于术语表的译法
lint-metric-missing = 页面未描述规则版本 { $version } 声明的指标 { $metric }
lint-score-none = { $level } 在规则版本 { $version } 中没有分数要求
lint-score-total = { $level } 总分要求与规则不符
lint-score-each = { $level } 每项指标的最低分数与规则不符
lint-score-highest = { $level } 最高可得分数与规则不符
lint-metric-threshold-none = { $level } 在规则版本 { $version } 中没有关于 { $metric } 的阈值
lint-metric-threshold = { $level } 关于 { $metric } 的阈值与规则不符
lint-metric-threshold-market = { $level } 关于 { $metric } 的阈值（{ $market ->
    [developed] 发达市场
   *[emerging] 新兴市场
  }）与规则不符
lint-points-none = { $metric } 在规则版本 { $version } 中不计分
lint-points-cap = { $metric } 的分数上限与规则不符
lint-points-rate = { $metric } 的每单位得分与规则不符
lint-metric-amount = { $metric } 的金额与规则不符
lint-metric-months = { $metric } 的月数与规则不符
lint-prerequisite = { $metric } 的先决资格人数与规则不符

## attain compare：草案版本与现行版本对比
compare-title = { $program }：现行规则版本 { $version } 与草案 { $draft } 对比，截至 { $date }
compare-summary = 共 { $partners } 个合作伙伴：{ $gained } 个升级，{ $lost } 个降级，{ $unchanged } 个不变
compare-col-before = 现行
compare-col-after = 按草案
compare-col-partners = 合作伙伴数
compare-col-market = 市场
compare-col-country = 国家/地区
compare-col-gained = 升级
compare-col-lost = 降级
compare-col-unchanged = 不变
compare-col-levels = 级别
compare-col-why = 变化原因
compare-col-requirement = 要求
compare-changed = 级别发生变化的合作伙伴
compare-changed-none = 没有合作伙伴的级别发生变化。
compare-new-gaps = 按草案新出现的未满足要求
compare-why = { $level }：{ $before } → { $after }
compare-met = 已满足
compare-lacks-consumption = 消耗量 { $value }（要求 { $required }）
compare-lacks-individuals = 合格人员 { $value } 人（要求 { $required } 人）
compare-lacks-score = { $value } 分（要求 { $required } 分）
compare-lacks-minimum = { $metric } 低于最低分数
compare-lacks-threshold = { $metric } { $value }（要求 { $required }）
compare-requirement-consumption = 消耗量
compare-requirement-individuals = 合格人员
compare-requirement-score = 得分
compare-requirement-minimum = { $metric } 的最低分数

## attain requirements --draft：草案的变更页面
req-change-title = { $program }：草案 { $draft } 的变更内容
req-change-intro = { $option } 选项要求的草案 { $draft }，对比自 { $since } 起生效的规则版本 { $version }。如获采纳，将自 { $effective } 起生效。
req-change-all-levels = 所有级别
req-change-metrics = 指标
req-change-none = 要求没有任何变更。
req-change-nothing = 无
req-change-window = { $product } 消耗量统计的最近月数：{ $before } → { $after }
req-change-associations = 可计入消耗量的关联：{ $before } → { $after }
req-change-left-out = 排除的消耗量：{ $before } → { $after }
req-change-threshold = 消耗量阈值：{ $before } → { $after }
req-change-threshold-market = 消耗量阈值（{ $market }）：{ $before } → { $after }
req-change-individuals = 合格人员：{ $before } → { $after }
req-change-listed = 新列入：{ $credential }
req-change-unlisted = 不再列出：{ $credential }
req-change-score = 所需分数：{ $before } → { $after }
req-change-each-metric = 每项指标的最低分数：{ $before } → { $after }
req-change-at-least = { $metric }（{ $market }）最低值：{ $before } → { $after }
req-change-metric-added = 新指标：{ $metric }。
req-change-metric-changed = { $metric } 的衡量或计分方式有变。
req-change-metric-removed = 不再计入：{ $metric }

## attain plan：合作伙伴在某一日期具备某一级别需要做什么
plan-title = { $partner } ({ $id }) 的规划：于 { $date } 达到 { $level }
plan-context = { $program }，规则版本 { $version } · 数据截至 { $as_of }
plan-if-nothing = 若无任何变化，{ $date } 的级别为：{ $level }。
plan-met = 到 { $date } 时已满足 { $level } 的要求，无需采取任何行动。
plan-unreachable = 已无法在 { $date } 前达到 { $level }：缺少的内容见下文。
plan-consumption = 消耗量：统计期 { $start } 至 { $end } 内已计入 { $credited }，要求 { $threshold }；还需 { $needed }，最迟于 { $last }：
plan-consumption-month = { $from } 至 { $by }：{ $amount }
plan-no-day-left = 统计期内已没有未来的日期：请选择更晚的日期。
plan-customers = 通过与 { $customers } 的关联计入。
plan-customer-until = { $customer } (至 { $date })
plan-no-customers = 这些日期没有可计入的关联：需要先与客户建立关联。
plan-people = 合格人员：{ $qualified } 人，要求 { $required } 人；还差 { $gap } 人：
plan-person = { $name } ({ $id })：于 { $date } 前获得 { $credentials }
plan-person-holds = {"，"}已持有 { $credentials }
plan-new-people = 另需 { $count } 名合作伙伴目前没有的新人员，每人获得以下任一资格：
plan-alternative = { $credentials }，截止 { $date }
plan-no-credentials = 该级别列出的资格均已无法及时获得。
dash-plan = 规划
dash-plan-target = 目标级别
dash-plan-by = 截止日期
dash-plan-show = 生成规划
dash-plan-failed = 无法生成规划；原因见服务日志。
dash-whatif = 假设分析：草案的影响
dash-whatif-help = 上传草案版本（一个包含 program = "ID" 和一个 [[versions]] 条目的文件，格式与该计划的规则相同）或粘贴其文本，或选择规则中的草案；每个合作伙伴都将分别按现行版本和草案评定。
dash-whatif-file = 草案文件
dash-whatif-text = 或草案文本
dash-whatif-rules-draft = 或规则中的草案
dash-whatif-submit = 评估草案
dash-whatif-no-draft = 请提供草案：文件、草案文本或规则中的草案。
dash-whatif-csv = 下载级别发生变化的合作伙伴（CSV）
dash-whatif-chart = 各级别的合作伙伴：现行与按草案
dash-whatif-in-force = 现行
dash-whatif-under-draft = 按草案
dash-whatif-more = 另有 { $count } 个合作伙伴的级别发生变化：CSV 中列出了全部合作伙伴。
dash-whatif-link = 假设分析…
plan-points = 分数：{ $score }，要求 { $required }；还差 { $gap } 分，且每项指标至少 { $least } 分：
plan-change-customers = { $metric }：截至 { $date } 的一个月内，再增加 { $count } 名消耗量至少为 { $amount } 的客户
plan-change-services = { $metric }：截至 { $date } 的一个月内，{ $customer } 再使用 { $count } 项服务
plan-change-consumption = { $metric }：截至 { $date } 的一个月内，{ $customer } 的消耗量再增加 { $amount }
plan-change-people = { $metric }：于 { $date } 前再增加 { $count } 名持有 { $credentials } 的人员
plan-change-or = 或改为以下任一资格：{ $credentials }
plan-outlook = 各指标的分数，当前 → 执行规划后：
plan-outlook-metric = { $metric }：{ $points } → { $with } 分，满分 { $max } 分
