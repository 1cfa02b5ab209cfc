# attain — mensagens para pessoas, pt-BR (traduzido de en-US).
# Variáveis: números, valores e datas chegam já formatados para a localidade
# (ICU4X, dados CLDR), exceto os seletores de plural, que são números simples.
# Plural em pt: a categoria "one" abrange 0 e 1, por isso as variantes usam a variável, nunca "1" fixo.

## Vocabulário

market-developed = desenvolvido
market-emerging = emergente
level-none = sem nível
# Um valor em dólares americanos; $amount é o número formatado para a localidade.
money-usd = US$ { $amount }
credential-kind-exam = exame
credential-kind-assessment = avaliação
credential-kind-certification = certificação
# Uma credencial em texto corrido: "exame 70-534 (Architecting Microsoft Azure Solutions)".
credential-in-text = { $kind } { $code } ({ $title })
# A credential no program lists: its kind and code.
credential-code-in-text = { $kind } { $code }
list-and = { $first } e { $second }
list-or = { $first } ou { $second }
association-DPOR = Parceiro Digital de Registro
association-TPOR = Parceiro de Registro de Transações
association-DAP = administração delegada
association-CSP = Cloud Solution Provider
association-PAL = Partner Admin Link
# Uma porcentagem inteira; $value é o número formatado para a localidade (CLDR: sem espaço antes de %).
unit-percent = { $value }%

## attain evaluate --format table

table-title = { $program } ({ $option }) · versão das regras { $version } · data de referência { $date } · janela de { $start } a { $end }
table-partner = PARCEIRO
table-name = NOME
table-market = MERCADO
table-level = NÍVEL
table-consumption = CONSUMO (USD)
table-individuals = PROFISSIONAIS
table-drops-on = REBAIXAMENTO EM
table-score = PONTUAÇÃO
table-summary = { $total ->
    [one] { $total } parceiro
   *[other] { $total } parceiros
  }: { $leveled } com nível
table-summary-level = { $level }: { $count }

## attain explain

explain-title = { $partner } ({ $id }) · competência { $program }, opção { $option }
explain-context = Data de referência { $date } · versão das regras { $version } · mercado { $market } ({ $country })
explain-window = Janela de consumo: { $start } a { $end }
explain-level = Nível: { $level }
explain-drops = Nível a partir de { $date }: { $level }
explain-requirements = Requisitos
explain-level-met = { $level }: atendido
explain-level-not-met = { $level }: não atendido
explain-consumption = consumo: { $value } de { $threshold }
explain-individuals = profissionais: { $value } de { $required }
explain-met = atendido
explain-gap-consumption = faltam { $gap } de consumo
explain-gap-individuals = { $gap ->
    [one] falta { $gap } profissional
   *[other] faltam { $gap } profissionais
  }
explain-customers = Clientes na janela (creditados por meio de { $kinds })
explain-nothing = nenhum
explain-excluded-kind = { $amount } excluídos: somente associação { $kinds }, que não é contabilizada
explain-excluded-date = { $amount } excluídos ({ $rows ->
    [one] { $rows } linha
   *[other] { $rows } linhas
  }): sem associação { $kinds } nessas datas
explain-people = Profissionais
explain-no-people = nenhum registrado
explain-counts = conta para { $levels } com { $credentials }
explain-not-counted = não conta: { $reason }
reason-not-yet-joined = ingressa em { $date }
reason-left = saiu em { $date }
reason-no-longer-accepted = { $credential }: aceitação somente até { $date }
reason-achieved-after = aprovação em { $credential } no dia { $date }, após a data de referência
reason-incomplete = ainda precisa de { $credentials }
reason-not-qualifying = não tem nenhuma credencial qualificada ({ $credentials })
reason-no-achievements = nenhum exame ou avaliação registrado
explain-warnings = Nos próximos 12 meses
warning-person = { $date }: { $name } ({ $id }) deixa de contar: { $cause }
cause-leaves = sai em { $date }
cause-no-longer-accepted = { $credential }: aceitação somente até { $date }
cause-not-listed = a versão das regras { $version } não lista mais a credencial dessa pessoa
warning-association = { $date }: a associação { $kind } com { $customer } termina; o consumo posterior não é creditado
explain-why-drop = Por que o nível cai em { $date }
drop-consumption = o consumo nessa janela é de { $value }, abaixo de { $threshold }
drop-individuals = { $qualified ->
    [one] { $qualified } profissional qualificado
   *[other] { $qualified } profissionais qualificados
  } de { $required } exigidos
drop-note = (considerando apenas o consumo registrado até { $date })

## attain explain, programas que declaram métricas (p. ex., uma pontuação de capacidade do parceiro)

metric-explain-title = { $partner } ({ $id }) · { $program } · { $option }
metric-explain-context = Data de referência { $date } · versão das regras { $version } · { $country }
metric-explain-months = Meses medidos: { $start } a { $end }
metric-explain-score = pontuação { $score } de { $total } pontos necessários; cada métrica precisa de pelo menos { $least ->
    [one] { $least } ponto
   *[other] { $least } pontos
  }
metric-explain-below-minimum = abaixo do mínimo de pontos: { $metrics }
metric-explain-threshold = { $metric }: { $value } de { $required }
metric-explain-metrics = Métricas
metric-explain-points = { $metric }: { $value } · { $points ->
    [one] { $points } ponto
   *[other] { $points } pontos
  } de { $max }
metric-explain-value = { $metric }: { $value }
metric-explain-change = agora { $current }, um ano antes { $earlier }
metric-explain-prerequisite = só conta quando { $required ->
    [one] { $required } profissional qualificado tem
   *[other] { $required } profissionais qualificados têm
  } o pré-requisito; profissionais que o têm: { $people }
metric-explain-counted = contabilizados: { $items }
metric-explain-not-counted = não contabilizados: { $items }
metric-explain-excluded = Consumo que não conta para nenhuma métrica
metric-excluded-rows = { $reason }: { $amount } ({ $rows ->
    [one] { $rows } linha
   *[other] { $rows } linhas
  })
metric-excluded-kind = somente associação { $kinds }, que não é contabilizada
metric-excluded-outside = sem associação contabilizável nessas datas
column-service = serviço
column-offer = oferta
metric-excluded-column = { $column } “{ $value }”, que as regras excluem
metric-drop-points = { $metric }: agora { $value }, nessa data { $then } · { $points ->
    [one] { $points } ponto
   *[other] { $points } pontos
  } → { $lower }
metric-drop-value = { $metric }: agora { $value }, nessa data { $then }
metric-drop-score = pontuação nessa data: { $score }
because-below_least_amount = abaixo do valor mensal mínimo
because-not_counted_by_rule = não contabilizado pelas regras
because-no_consumption_above_zero = nenhum consumo acima de zero
because-prerequisite_not_met = o pré-requisito não é atendido
because-incomplete = ainda falta

## attain requirements (a página de requisitos de uma versão do programa)

req-title = Competência { $program }
req-option = Opção { $option }
req-steps = Conclua todas as etapas abaixo para obter a competência { $program }.
req-performance = Sua organização deve atingir os limites de desempenho.
req-market-developed = Mercados desenvolvidos
req-market-emerging = Mercados emergentes
req-threshold-month = Os parceiros devem demonstrar { $amount } em consumo de { $product } pelos clientes nos últimos { $months } meses
req-threshold-day = Os parceiros devem demonstrar { $amount } em consumo de { $product } pelos clientes nos { $months } meses encerrados no dia da análise
req-associations = Para esses clientes, você precisa estar associado como { $kinds }.
req-learn-more = [Saiba mais]({ $url }) sobre essas associações.
req-individuals = Sua organização deve ter { $count ->
    [one] **{ $count }** profissional aprovado
   *[other] **{ $count }** profissionais aprovados
  } nos requisitos de exame ou avaliação.
req-assessments = { $count ->
    [one] **{ $count }** profissional deve ser aprovado
   *[other] **{ $count }** profissionais devem ser aprovados
  } em uma das seguintes avaliações:
req-exams = { $count ->
    [one] **{ $count }** profissional deve ser aprovado
   *[other] **{ $count }** profissionais devem ser aprovados
  } em um dos seguintes exames:
req-or = OU
req-all-of = todos os seguintes: { $credentials }
req-exam = Exame { $code }
req-retires = Será desativado em { $date }.
req-accepted-until = Este exame continuará sendo aceito para a obtenção da competência até { $date }.
req-registration-until = Você pode se inscrever neste exame até { $date }.
req-replacement = Após { $date }, você precisará se inscrever no exame substituto listado acima, { $replacement }.
req-version = Versão das regras { $version }, em vigor desde { $date }.

# Versões que expressam seus níveis em métricas declaradas (pontuação, limites sobre valores).
req-metric-title = { $program }: requisitos
req-metric-steps = Sua organização obtém um nível quando atende a tudo o que está listado abaixo para esse nível; a seção de métricas explica como as métricas são medidas e pontuadas.
req-metric-score-total = Sua organização deve somar pelo menos { $total ->
    [one] **{ $total }** ponto
   *[other] **{ $total }** pontos
  } no total das métricas abaixo.
req-metric-score-each = Cada métrica deve obter pelo menos { $least ->
    [one] **{ $least }** ponto
   *[other] **{ $least }** pontos
  }.
req-metric-score-each-scored = Cada métrica que concede pontos deve obter pelo menos { $least ->
    [one] **{ $least }** ponto
   *[other] **{ $least }** pontos
  }.
req-metric-score-most = As métricas concedem no máximo { $points ->
    [one] **{ $points }** ponto
   *[other] **{ $points }** pontos
  } no total.
req-metric-thresholds = Sua organização deve atingir estes valores das métricas:
req-metric-threshold = { $metric }: pelo menos **{ $value }**
req-metric-heading = Métricas
req-metric-last-month = O consumo é contado por mês do calendário: o **último mês** é o último mês completo antes do dia da análise.
req-metric-associations = O consumo conta para sua organização quando ela está associada ao cliente como { $kinds } no dia do consumo.
req-metric-associations-reported = Os valores informados de um cliente contam para sua organização quando ela está associada ao cliente como { $kinds } no dia da análise.
req-metric-excluded-offer = O consumo das ofertas { $values } não conta para nenhuma métrica.
req-metric-excluded-service = O consumo dos serviços { $values } não conta para nenhuma métrica.
req-metric-people-day = Os profissionais são contados no dia da análise: cada um deve estar vinculado à sua organização e ter uma credencial da lista que não tenha expirado e ainda seja aceita nesse dia. Um profissional conta uma vez por métrica, mesmo que tenha várias credenciais da lista.
# Um valor dos dados (nome de um serviço ou de uma oferta), entre aspas.
req-metric-value = “{ $value }”
req-metric-category = Categoria: { $category }
req-metric-category-performance = Desempenho
req-metric-category-skilling = Capacitação
req-metric-category-customer-success = Sucesso do cliente
req-metric-consumption = { $months ->
    [one] Consumo de { $product } creditado à sua organização no último mês.
   *[other] Consumo de { $product } creditado à sua organização nos { $months } meses encerrados no último mês.
  }
req-metric-customers = { $months ->
    [one] Número de clientes com pelo menos { $amount } em consumo de { $product } creditado à sua organização no último mês.
   *[other] Número de clientes com pelo menos { $amount } em consumo de { $product } creditado à sua organização em pelo menos um dos { $months } meses encerrados no último mês.
  }
req-metric-distinct-service = { $months ->
    [one] Número de serviços diferentes com consumo de { $product } acima de zero creditado à sua organização no último mês.
   *[other] Número de serviços diferentes com consumo de { $product } acima de zero creditado à sua organização nos { $months } meses encerrados no último mês.
  }
req-metric-distinct-offer = { $months ->
    [one] Número de ofertas diferentes com consumo de { $product } acima de zero creditado à sua organização no último mês.
   *[other] Número de ofertas diferentes com consumo de { $product } acima de zero creditado à sua organização nos { $months } meses encerrados no último mês.
  }
req-metric-except = Não contabilizados: { $values }.
req-metric-people-any = Número de profissionais da sua organização que têm uma das seguintes credenciais:
req-metric-people-all = Número de profissionais da sua organização que têm todas as seguintes credenciais:
req-metric-latest = Soma, nos clientes creditados à sua organização no dia da análise, do último valor { $measure } informado nesse dia ou antes.
req-metric-prerequisite = Só conta quando pelo menos { $count ->
    [one] **{ $count }** profissional tem
   *[other] **{ $count }** profissionais têm
  } uma das seguintes credenciais:
req-metric-change = A métrica é a variação em { $months } meses: este valor agora menos o mesmo valor { $months } meses antes.
req-metric-growth = A métrica é o crescimento em { $months } meses, em porcentagem inteira arredondada para baixo: o aumento em relação ao valor de { $months } meses antes, dividido por esse valor anterior.
req-metric-growth-base = É 0, a menos que o valor anterior seja maior que zero e o atual seja de pelo menos { $amount }.
req-metric-growth-above-zero = É 0, a menos que o valor anterior seja maior que zero.
req-metric-points = { $per ->
    [one] **{ $per }** ponto
   *[other] **{ $per }** pontos
  } por { $unit }, no máximo { $max ->
    [one] **{ $max }** ponto
   *[other] **{ $max }** pontos
  }.
req-metric-unit-customers = { $count ->
    [one] cliente
   *[other] grupo de { $count } clientes
  }
req-metric-unit-people = { $count ->
    [one] profissional
   *[other] grupo de { $count } profissionais
  }
req-metric-unit-service = { $count ->
    [one] serviço
   *[other] grupo de { $count } serviços
  }
req-metric-unit-offer = { $count ->
    [one] oferta
   *[other] grupo de { $count } ofertas
  }
req-metric-unit-percent = { $count ->
    [one] ponto percentual
   *[other] faixa de { $count } %
  }
req-metric-unit-number = { $count ->
    [one] unidade do valor
   *[other] grupo de { $count } unidades do valor
  }
req-metric-retires = Data de desativação: { $date }.
req-metric-accepted-until = Conta até { $date }.
req-metric-registration-until = Pode ser obtida até { $date }.
req-metric-replacement = Substituta: { $replacement }.

## attain serve: o painel (páginas HTML para parceiros e operadores)

dash-signin-title = Entrar
dash-signin-help = Cole o token de acesso que você recebeu; ele começa com attain_. Este navegador o guarda em um cookie que os scripts não conseguem ler.
dash-signin-token = Token de acesso
dash-signin-submit = Entrar
dash-signin-failed = Este token não é válido ou foi revogado.
dash-signout = Sair
dash-as-of = Data de referência
dash-level = Nível
dash-score = Pontuação
dash-drops-on-date = Rebaixamento em
dash-as-of-snapshot = (data do último snapshot)
dash-as-of-data = (fim do último mês dos dados)
dash-as-of-today = (hoje)
dash-language = Idioma
dash-show = Exibir
dash-market = Mercado { $market } · { $country }
dash-window = Janela de consumo: { $start } a { $end }
dash-version = Versão das regras { $version }
dash-drops-on = Nível a partir de { $date }: { $level }
dash-no-drop = Nenhum rebaixamento previsto nos próximos 13 meses
dash-requirements = Requisitos
dash-consumption = Consumo dos clientes
dash-individuals = Profissionais qualificados
dash-of = { $value } de { $threshold }
dash-chart = Consumo creditado por mês
dash-chart-window = Janela
dash-chart-cumulative = Total acumulado na janela
dash-chart-threshold = Limite de { $level }: { $amount }
dash-chart-off-scale = { $threshold } (acima do gráfico)
dash-customers = Clientes que contribuem
dash-customer = Cliente
dash-credited = Creditado
dash-associations = Associações
dash-note = Observação
dash-people = Profissionais
dash-person = Profissional
dash-status = Status
dash-warnings = Avisos
dash-no-warnings = Nada deixa de contar nos próximos 12 meses.
dash-history = Histórico de status
dash-no-history = Ainda não há snapshots. Os operadores os criam com attain snapshot.
dash-change-attained = { $level } obtido
dash-change-lost = { $level } perdido
dash-change-between = (entre { $previous } e { $date })
dash-overview = Todos os parceiros
dash-per-level = Parceiros por nível
dash-search = Pesquisar por ID, nome ou país
dash-search-submit = Pesquisar
dash-dropping = Rebaixamentos nos próximos 90 dias
dash-none-dropping = Nenhum rebaixamento nos próximos 90 dias.
dash-results = { $count ->
    [one] { $count } parceiro
   *[other] { $count } parceiros
  }
dash-partner = Parceiro
dash-name = Nome
dash-country = País
dash-not-found = Parceiro não encontrado.
dash-admin-only = Esta página é para operadores; seu token de acesso é de um parceiro. Sua própria página fica em /partners/SEU-ID.
dash-busy = O serviço está ocupado avaliando programas inteiros; tente novamente em alguns segundos.

## attain lint (constatações em uma página de requisitos; $level e $metric são nomes, $version é um ID de versão,
## $market é `developed` ou `emerging`)
lint-statement = { $message } (esperado: { $expected }, encontrado: { $found })
lint-summary = { $files ->
    [one] { $files } arquivo
   *[other] { $files } arquivos
  }, { $errors ->
    [one] { $errors } erro
   *[other] { $errors } erros
  }, { $warnings ->
    [one] { $warnings } aviso
   *[other] { $warnings } avisos
  }, { $notes ->
    [one] { $notes } observação
   *[other] { $notes } observações
  }
lint-none = nenhum
lint-not-listed = não listado
lint-not-stated = não informado
lint-not-described = não descrito
lint-no-amount = sem valor
lint-no-points = sem pontos
lint-no-threshold = sem limite
lint-no-title = sem título
lint-no-date = sem data
lint-a-metric = uma métrica
lint-catalog-credential = uma credencial do catálogo
lint-months = { $count ->
    [one] { $count } mês
   *[other] { $count } meses
  }
lint-program-unknown = a página não descreve nenhum programa que o attain conheça; nada foi verificado
lint-page-date = a data da página não está no formato MM/DD/YYYY; verificação feita com base na versão mais recente das regras, { $version }
lint-version-announced = a página, com data de { $date }, é anterior à primeira versão de { $program }; verificação feita com base na versão que ela anuncia, { $version } (em vigor desde { $start })
lint-no-requirements = nenhum requisito informado
lint-no-requirements-commented = nenhum requisito informado (o corpo da página está comentado)
lint-market-heading = { $level }: este título acima de um limite não indica nenhum mercado que o attain consiga identificar; o limite abaixo dele é comparado com o de cada mercado
lint-threshold-none = o nível { $level } não tem limite de consumo na versão das regras { $version }
lint-threshold = o limite do nível { $level } contradiz as regras
lint-threshold-market = o limite do nível { $level } para { $market ->
    [developed] mercados desenvolvidos
   *[emerging] mercados emergentes
  } contradiz as regras
lint-threshold-unidentified = o limite do nível { $level } não corresponde ao de nenhum mercado nas regras
lint-threshold-missing = o nível { $level } não informa nenhum limite para { $market ->
    [developed] mercados desenvolvidos
   *[emerging] mercados emergentes
  }, embora a versão das regras { $version } defina um
lint-window = a janela de consumo do nível { $level } contradiz as regras
lint-individuals = o número de profissionais do nível { $level } contradiz as regras
lint-credential-unlisted = o nível { $level } lista { $id }, que a versão das regras { $version } não lista
lint-credential-missing = o nível { $level } não lista { $id }, que a versão das regras { $version } exige
lint-metric-credential-unlisted = a métrica { $metric } lista { $id }, que a versão das regras { $version } não conta para ela
lint-metric-credential-missing = a métrica { $metric } não lista { $id }, que a versão das regras { $version } conta para ela
lint-credential-unknown = a página cita { $id }, que nenhum catálogo conhece
lint-credential-title = { $id } aparece com um título que cita { $product }, um produto que seu título oficial não menciona
lint-date = a data não é de desativação, de fim de inscrição nem de fim de aceitação de nenhuma credencial listada
lint-segment-numbers = o segmento traduzido difere da origem nos números
lint-segment-dates = o segmento traduzido difere da origem nas datas
lint-segment-links = o segmento traduzido difere da origem nos links
lint-segment-products = o segmento traduzido difere da origem nos nomes de produtos
lint-segment-names = o segmento traduzido não nomeia o programa, a opção ou um nível nem como em inglês, nem como o glossário traduz
lint-metric-missing = a página não descreve a métrica { $metric }, que a versão das regras { $version } declara
lint-score-none = o nível { $level } não tem pontuação na versão das regras { $version }
lint-score-total = a pontuação total do nível { $level } contradiz as regras
lint-score-each = o mínimo de pontos por métrica do nível { $level } contradiz as regras
lint-score-highest = a pontuação máxima possível do nível { $level } contradiz as regras
lint-metric-threshold-none = o nível { $level } não tem limite para { $metric } na versão das regras { $version }
lint-metric-threshold = o limite do nível { $level } para { $metric } contradiz as regras
lint-metric-threshold-market = o limite do nível { $level } para { $metric } em { $market ->
    [developed] mercados desenvolvidos
   *[emerging] mercados emergentes
  } contradiz as regras
lint-points-none = a métrica { $metric } não concede pontos na versão das regras { $version }
lint-points-cap = o máximo de pontos da métrica { $metric } contradiz as regras
lint-points-rate = os pontos por unidade da métrica { $metric } contradizem as regras
lint-metric-amount = o valor da métrica { $metric } contradiz as regras
lint-metric-months = o número de meses da métrica { $metric } contradiz as regras
lint-prerequisite = o número de profissionais do pré-requisito da métrica { $metric } contradiz as regras

## attain compare: um rascunho comparado à versão em vigor
compare-title = { $program }: versão das regras { $version } (em vigor) comparada ao rascunho { $draft }, data de referência { $date }
compare-summary = { $partners ->
    [one] { $partners } parceiro
   *[other] { $partners } parceiros
  }: { $gained } com subida de nível, { $lost } com rebaixamento, { $unchanged } sem alteração
compare-col-before = EM VIGOR
compare-col-after = COM O RASCUNHO
compare-col-partners = PARCEIROS
compare-col-market = MERCADO
compare-col-country = PAÍS
compare-col-gained = SUBIDAS
compare-col-lost = REBAIXAMENTOS
compare-col-unchanged = SEM ALTERAÇÃO
compare-col-levels = NÍVEL
compare-col-why = O QUE FAZ A DIFERENÇA
compare-col-requirement = REQUISITO
compare-changed = Parceiros cujo nível muda
compare-changed-none = Nenhum parceiro muda de nível.
compare-new-gaps = Requisitos que deixam de ser atendidos com o rascunho
compare-why = { $level }: { $before } → { $after }
compare-met = atendido
compare-lacks-consumption = consumo { $value } de { $required }
compare-lacks-individuals = { $value } de { $required ->
    [one] { $required } profissional qualificado
   *[other] { $required } profissionais qualificados
  }
compare-lacks-score = { $value } de { $required ->
    [one] { $required } ponto
   *[other] { $required } pontos
  }
compare-lacks-minimum = { $metric } abaixo do mínimo de pontos
compare-lacks-threshold = { $metric } { $value } de { $required }
compare-requirement-consumption = consumo
compare-requirement-individuals = profissionais qualificados
compare-requirement-score = pontuação
compare-requirement-minimum = mínimo de pontos de { $metric }

## attain requirements --draft: a página de mudanças de um rascunho
req-change-title = { $program }: o que muda com o rascunho { $draft }
req-change-intro = Rascunho { $draft } dos requisitos da opção { $option }, comparado à versão { $version }, em vigor desde { $since }. Se for adotado, entrará em vigor em { $effective }.
req-change-all-levels = Todos os níveis
req-change-metrics = Métricas
req-change-none = Nada muda nos requisitos.
req-change-nothing = nenhum
req-change-window = Consumo de { $product } contado nos últimos meses: { $before } → { $after }
req-change-associations = Associações pelas quais o consumo conta: { $before } → { $after }
req-change-left-out = Consumo excluído: { $before } → { $after }
req-change-threshold = Limite de consumo: { $before } → { $after }
req-change-threshold-market = Limite de consumo, { $market }: { $before } → { $after }
req-change-individuals = Profissionais qualificados: { $before } → { $after }
req-change-listed = Passa a constar: { $credential }
req-change-unlisted = Deixa de constar: { $credential }
req-change-score = Pontos exigidos: { $before } → { $after }
req-change-each-metric = Mínimo de pontos por métrica: { $before } → { $after }
req-change-at-least = { $metric }, { $market }: pelo menos { $before } → { $after }
req-change-metric-added = Nova métrica: { $metric }.
req-change-metric-changed = A métrica { $metric } passa a ser medida ou pontuada de outra forma.
req-change-metric-removed = Deixa de ser contabilizada: { $metric }

## attain plan: o que um parceiro precisa fazer para ter um nível em uma data
plan-title = Plano para { $partner } ({ $id }) ter o nível { $level } em { $date }
plan-context = { $program }, versão das regras { $version } · dados disponíveis até { $as_of }
plan-if-nothing = Se nada mudar: { $level } em { $date }.
plan-met = Em { $date }, os requisitos do nível { $level } já são atendidos; não há mais nada a fazer.
plan-unreachable = O nível { $level } não pode mais ser alcançado até { $date }: o que falta está indicado abaixo.
plan-consumption = Consumo creditado: { $credited } de { $threshold } na janela de { $start } a { $end }; faltam { $needed } até { $last }:
plan-consumption-month = De { $from } a { $by }: { $amount }
plan-no-day-left = Nenhum dia da janela ainda está por vir: escolha uma data posterior.
plan-customers = Creditado por meio das associações com { $customers }.
plan-customer-until = { $customer } (até { $date })
plan-no-customers = Nenhuma associação contabilizável cobre esses dias: primeiro é preciso uma associação com um cliente.
plan-people = Profissionais qualificados: { $qualified } de { $required }; { $gap ->
    [one] falta { $gap }:
   *[other] faltam { $gap }:
  }
plan-person = { $name } ({ $id }): obter { $credentials } até { $date }
plan-person-holds = {"; "}já tem { $credentials }
plan-new-people = { $count ->
    [one] { $count } profissional além da equipe atual do parceiro, que deve obter uma destas credenciais:
   *[other] { $count } profissionais além da equipe atual do parceiro; cada um deve obter uma destas credenciais:
  }
plan-alternative = { $credentials }, até { $date }
plan-no-credentials = Nenhuma credencial listada para o nível ainda pode ser obtida a tempo.
dash-plan = Plano
dash-plan-target = Nível desejado
dash-plan-by = Até
dash-plan-show = Gerar plano
dash-plan-failed = Não foi possível gerar o plano; o log do serviço informa o motivo.
dash-whatif = Simulação: o impacto de um rascunho
dash-whatif-help = Envie uma versão de rascunho (um arquivo com program = "ID" e uma entrada [[versions]], como nas regras do programa) ou cole o texto dela, ou escolha um rascunho que conste nas regras; cada parceiro é avaliado pela versão em vigor e pelo rascunho.
dash-whatif-file = Arquivo do rascunho
dash-whatif-text = Ou o texto do rascunho
dash-whatif-rules-draft = Ou um rascunho das regras
dash-whatif-submit = Avaliar o rascunho
dash-whatif-no-draft = Informe um rascunho: um arquivo, o texto dele ou um rascunho das regras.
dash-whatif-csv = Baixar os parceiros que mudam de nível (CSV)
dash-whatif-chart = Parceiros por nível, em vigor e com o rascunho
dash-whatif-in-force = Em vigor
dash-whatif-under-draft = Com o rascunho
dash-whatif-more = { $count ->
    [one] Mais { $count } parceiro muda de nível: o CSV lista todos.
   *[other] Mais { $count } parceiros mudam de nível: o CSV lista todos.
  }
dash-whatif-link = Simular um rascunho…
plan-points = Pontos: { $score } de { $required }; { $gap ->
    [one] falta { $gap }
   *[other] faltam { $gap }
  }, com pelo menos { $least ->
    [one] { $least } ponto
   *[other] { $least } pontos
  } em cada métrica:
plan-change-customers = { $metric }: { $count ->
    [one] mais { $count } cliente
   *[other] mais { $count } clientes
  } com pelo menos { $amount } de consumo no mês encerrado em { $date }
plan-change-services = { $metric }: { $count ->
    [one] mais { $count } serviço usado
   *[other] mais { $count } serviços usados
  } pelo cliente { $customer } no mês encerrado em { $date }
plan-change-consumption = { $metric }: mais { $amount } de consumo do cliente { $customer } no mês encerrado em { $date }
plan-change-people = { $metric }: { $count ->
    [one] mais { $count } profissional com
   *[other] mais { $count } profissionais com
  } { $credentials } até { $date }
plan-change-or = ou, em vez disso, qualquer uma destas credenciais: { $credentials }
plan-outlook = Pontos por métrica, agora → com o plano:
plan-outlook-metric = { $metric }: { $points } → { $with } de { $max ->
    [one] { $max } ponto
   *[other] { $max } pontos
  }
