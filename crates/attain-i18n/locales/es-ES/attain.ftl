# attain — mensajes para personas, es-ES (español de España).
# Variables: los números, importes y fechas llegan ya formateados para la configuración regional
# (ICU4X, datos CLDR), salvo los selectores de plural, que son números sin formato.

## Vocabulario

market-developed = desarrollado
market-emerging = emergente
level-none = sin nivel
# Un importe en dólares estadounidenses; $amount es el número formateado para la configuración regional.
money-usd = { $amount } US$
credential-kind-exam = examen
credential-kind-assessment = evaluación
credential-kind-certification = certificación
# Una credencial dentro de una frase: "examen 70-534 (Architecting Microsoft Azure Solutions)".
credential-in-text = { $kind } { $code } ({ $title })
# A credential no program lists: its kind and code.
credential-code-in-text = { $kind } { $code }
list-and = { $first } y { $second }
list-or = { $first } o { $second }
association-DPOR = Partner digital de registro (DPOR)
association-TPOR = Partner de registro de transacciones (TPOR)
association-DAP = privilegios de administrador delegado (DAP)
association-CSP = Cloud Solution Provider (CSP)
association-PAL = Partner Admin Link (PAL)
# Un porcentaje entero; $value es el número formateado para la configuración regional.
# Delante de % va un espacio de no separación (U+00A0), como en CLDR.
unit-percent = { $value } %

## attain evaluate --format table

table-title = { $program } ({ $option }) · versión de las reglas { $version } · a { $date } · periodo del { $start } al { $end }
table-partner = PARTNER
table-name = NOMBRE
table-market = MERCADO
table-level = NIVEL
table-consumption = CONSUMO (USD)
table-individuals = PERSONAS
table-drops-on = BAJA DE NIVEL EL
table-score = PUNTUACIÓN
table-summary = { $total ->
    [one] 1 partner
   *[other] { $total } partners
  }: { $leveled } con nivel
table-summary-level = { $level }: { $count }

## attain explain

explain-title = { $partner } ({ $id }) · competencia { $program }, opción { $option }
explain-context = A { $date } · versión de las reglas { $version } · mercado { $market } ({ $country })
explain-window = Periodo de consumo: del { $start } al { $end }
explain-level = Nivel: { $level }
explain-drops = Baja de nivel el { $date }: { $level }
explain-requirements = Requisitos
explain-level-met = { $level }: cumplido
explain-level-not-met = { $level }: no cumplido
explain-consumption = consumo: { $value } de { $threshold }
explain-individuals = personas: { $value } de { $required }
explain-met = cumplido
explain-gap-consumption = faltan { $gap } de consumo
explain-gap-individuals = { $gap ->
    [one] falta 1 persona más
   *[other] faltan { $gap } personas más
  }
explain-customers = Clientes en el periodo (acreditados mediante { $kinds })
explain-nothing = ninguno
explain-excluded-kind = se excluyen { $amount }: solo existe una asociación de tipo { $kinds }, que no cuenta
explain-excluded-date = se excluyen { $amount } ({ $rows ->
    [one] 1 fila
   *[other] { $rows } filas
  }): no existe asociación de tipo { $kinds } en esas fechas
explain-people = Personas
explain-no-people = no consta ninguna
explain-counts = cuenta para { $levels } con { $credentials }
explain-not-counted = no cuenta: { $reason }
reason-not-yet-joined = se incorpora el { $date }
reason-left = dejó la organización el { $date }
reason-no-longer-accepted = { $credential } solo se aceptaba hasta el { $date }
reason-achieved-after = { $credential } se aprobó el { $date }, después de la fecha de referencia
reason-incomplete = aún necesita { $credentials }
reason-not-qualifying = no tiene ninguna credencial que cumpla los requisitos ({ $credentials })
reason-no-achievements = no consta ningún examen ni evaluación
explain-warnings = En los próximos 12 meses
warning-person = { $date }: { $name } ({ $id }) deja de contar: { $cause }
cause-leaves = deja la organización el { $date }
cause-no-longer-accepted = { $credential } solo se acepta hasta el { $date }
cause-not-listed = la versión { $version } de las reglas ya no incluye su credencial
warning-association = { $date }: finaliza la asociación de tipo { $kind } con { $customer }; el consumo posterior no se acredita
explain-why-drop = Por qué baja de nivel el { $date }
drop-consumption = el consumo en ese periodo es de { $value }, inferior a { $threshold }
drop-individuals = { $qualified ->
    [one] 1 persona cualificada
   *[other] { $qualified } personas cualificadas
  } de un mínimo de { $required }
drop-note = (solo se tiene en cuenta el consumo registrado hasta el { $date })

## attain explain, programas que declaran métricas (p. ej., una puntuación de capacidad de partner)

metric-explain-title = { $partner } ({ $id }) · { $program } · { $option }
metric-explain-context = A { $date } · versión de las reglas { $version } · { $country }
metric-explain-months = Meses medidos: del { $start } al { $end }
metric-explain-score = puntuación { $score } de { $total } puntos necesarios; cada métrica necesita al menos { $least ->
    [one] 1 punto
   *[other] { $least } puntos
  }
metric-explain-below-minimum = por debajo del mínimo de puntos: { $metrics }
metric-explain-threshold = { $metric }: { $value } de { $required }
metric-explain-metrics = Métricas
metric-explain-points = { $metric }: { $value } · { $points ->
    [one] 1 punto
   *[other] { $points } puntos
  } de { $max }
metric-explain-value = { $metric }: { $value }
metric-explain-change = ahora { $current }, un año antes { $earlier }
metric-explain-prerequisite = solo cuenta si { $required ->
    [one] 1 persona cualificada cumple
   *[other] { $required } personas cualificadas cumplen
  } el requisito previo; personas que lo cumplen: { $people }
metric-explain-counted = se cuentan: { $items }
metric-explain-not-counted = no se cuentan: { $items }
metric-explain-excluded = Consumo que no cuenta para ninguna métrica
metric-excluded-rows = { $reason }: { $amount } ({ $rows ->
    [one] 1 fila
   *[other] { $rows } filas
  })
metric-excluded-kind = solo existe una asociación de tipo { $kinds }, que no cuenta
metric-excluded-outside = no existe ninguna asociación que cuente en esas fechas
column-service = servicio
column-offer = oferta
metric-excluded-column = { $column } «{ $value }», que las reglas excluyen
metric-drop-points = { $metric }: ahora { $value }, en esa fecha { $then } · { $points ->
    [one] 1 punto
   *[other] { $points } puntos
  } → { $lower }
metric-drop-value = { $metric }: ahora { $value }, en esa fecha { $then }
metric-drop-score = puntuación en esa fecha: { $score }
because-below_least_amount = por debajo del importe mensual mínimo
because-not_counted_by_rule = no cuenta según las reglas
because-no_consumption_above_zero = sin consumo superior a cero
because-prerequisite_not_met = no se cumple el requisito previo
because-incomplete = aún le falta

## attain requirements (la página de requisitos de una versión del programa)

req-title = Competencia { $program }
req-option = Opción { $option }
req-steps = Complete todos los pasos siguientes para obtener la competencia { $program }.
req-performance = Su organización debe alcanzar los umbrales de rendimiento.
req-market-developed = Mercados desarrollados
req-market-emerging = Mercados emergentes
req-threshold-month = Los partners deben demostrar un consumo de { $amount } en { $product } por parte de sus clientes en los { $months } meses anteriores
req-threshold-day = Los partners deben demostrar un consumo de { $amount } en { $product } por parte de sus clientes en los { $months } meses que finalizan el día de la revisión
req-associations = Para estos clientes, debe tener una asociación de tipo { $kinds }.
req-learn-more = [Más información]({ $url }) sobre estas asociaciones.
req-individuals = Su organización debe tener { $count ->
    [one] **{ $count }** persona que apruebe
   *[other] **{ $count }** personas que aprueben
  } los exámenes o evaluaciones requeridos.
req-assessments = { $count ->
    [one] **{ $count }** persona debe aprobar
   *[other] **{ $count }** personas deben aprobar
  } una de las siguientes evaluaciones:
req-exams = { $count ->
    [one] **{ $count }** persona debe aprobar
   *[other] **{ $count }** personas deben aprobar
  } uno de los siguientes exámenes:
req-or = O
req-all-of = todos los siguientes: { $credentials }
req-exam = Examen { $code }
req-retires = Se retira el { $date }.
req-accepted-until = Este examen se seguirá aceptando para obtener la competencia hasta el { $date }.
req-registration-until = Puede inscribirse en este examen hasta el { $date }.
req-replacement = Después del { $date }, deberá inscribirse en el examen que lo sustituye, indicado más arriba: { $replacement }.
req-version = Versión { $version } de las reglas, en vigor desde el { $date }.

# Versiones que expresan sus niveles en métricas declaradas (puntuación, umbrales sobre valores).
req-metric-title = { $program }: requisitos
req-metric-steps = Su organización obtiene un nivel cuando cumple todo lo que se indica a continuación para ese nivel; la sección de métricas explica cómo se miden y puntúan las métricas.
req-metric-score-total = Su organización debe obtener en total al menos { $total ->
    [one] **{ $total }** punto
   *[other] **{ $total }** puntos
  } en las métricas siguientes.
req-metric-score-each = Cada métrica debe obtener al menos { $least ->
    [one] **{ $least }** punto
   *[other] **{ $least }** puntos
  }.
req-metric-score-each-scored = Cada métrica que otorga puntos debe obtener al menos { $least ->
    [one] **{ $least }** punto
   *[other] **{ $least }** puntos
  }.
req-metric-score-most = Las métricas otorgan como máximo { $points ->
    [one] **{ $points }** punto
   *[other] **{ $points }** puntos
  } en total.
req-metric-thresholds = Su organización debe alcanzar estos valores de las métricas:
req-metric-threshold = { $metric }: al menos **{ $value }**
req-metric-heading = Métricas
req-metric-last-month = El consumo se cuenta por meses naturales: el **último mes** es el último mes completo antes del día de la revisión.
req-metric-associations = El consumo cuenta para su organización cuando, el día del consumo, tiene con el cliente una asociación de tipo { $kinds }.
req-metric-associations-reported = Los valores notificados de un cliente cuentan para su organización cuando, el día de la revisión, tiene con el cliente una asociación de tipo { $kinds }.
req-metric-excluded-offer = El consumo de las ofertas { $values } no cuenta para ninguna métrica.
req-metric-excluded-service = El consumo de los servicios { $values } no cuenta para ninguna métrica.
req-metric-people-day = Las personas se cuentan el día de la revisión: cada una debe estar afiliada a su organización y tener una credencial de la lista que no haya caducado y que se siga aceptando ese día. Una persona cuenta una vez por métrica, aunque tenga varias credenciales de la lista.
# Un valor de los datos (nombre de un servicio o de una oferta), entre comillas.
req-metric-value = «{ $value }»
req-metric-category = Categoría: { $category }
req-metric-category-performance = Rendimiento
req-metric-category-skilling = Capacitación
req-metric-category-customer-success = Éxito del cliente
req-metric-consumption = { $months ->
    [one] Consumo de { $product } acreditado a su organización en el último mes.
   *[other] Consumo de { $product } acreditado a su organización en los { $months } meses que terminan con el último mes.
  }
req-metric-customers = { $months ->
    [one] Número de clientes con al menos { $amount } de consumo de { $product } acreditado a su organización en el último mes.
   *[other] Número de clientes con al menos { $amount } de consumo de { $product } acreditado a su organización en al menos uno de los { $months } meses que terminan con el último mes.
  }
req-metric-distinct-service = { $months ->
    [one] Número de servicios distintos con consumo de { $product } superior a cero acreditado a su organización en el último mes.
   *[other] Número de servicios distintos con consumo de { $product } superior a cero acreditado a su organización en los { $months } meses que terminan con el último mes.
  }
req-metric-distinct-offer = { $months ->
    [one] Número de ofertas distintas con consumo de { $product } superior a cero acreditado a su organización en el último mes.
   *[other] Número de ofertas distintas con consumo de { $product } superior a cero acreditado a su organización en los { $months } meses que terminan con el último mes.
  }
req-metric-except = No se cuentan: { $values }.
req-metric-people-any = Número de personas de su organización que tienen una de las siguientes credenciales:
req-metric-people-all = Número de personas de su organización que tienen todas las credenciales siguientes:
req-metric-latest = Suma, para los clientes acreditados a su organización el día de la revisión, del último valor { $measure } notificado en esa fecha o antes.
req-metric-prerequisite = Solo cuenta si al menos { $count ->
    [one] **{ $count }** persona tiene
   *[other] **{ $count }** personas tienen
  } una de las siguientes credenciales:
req-metric-change = La métrica es la variación en { $months } meses: este valor ahora menos el mismo valor { $months } meses antes.
req-metric-growth = La métrica es el crecimiento en { $months } meses, en porcentaje entero redondeado a la baja: el aumento respecto al valor de { $months } meses antes, en relación con ese valor anterior.
req-metric-growth-base = Es 0, salvo que el valor anterior sea superior a cero y el actual sea de al menos { $amount }.
req-metric-growth-above-zero = Es 0, salvo que el valor anterior sea superior a cero.
req-metric-points = { $per ->
    [one] **{ $per }** punto
   *[other] **{ $per }** puntos
  } por { $unit }, como máximo { $max ->
    [one] **{ $max }** punto
   *[other] **{ $max }** puntos
  }.
req-metric-unit-customers = { $count ->
    [one] cliente
   *[other] cada { $count } clientes
  }
req-metric-unit-people = { $count ->
    [one] persona
   *[other] cada { $count } personas
  }
req-metric-unit-service = { $count ->
    [one] servicio
   *[other] cada { $count } servicios
  }
req-metric-unit-offer = { $count ->
    [one] oferta
   *[other] cada { $count } ofertas
  }
req-metric-unit-percent = { $count ->
    [one] punto porcentual
   *[other] tramo de { $count } %
  }
req-metric-unit-number = { $count ->
    [one] unidad del valor
   *[other] cada { $count } unidades del valor
  }
req-metric-retires = Fecha de retirada: { $date }.
req-metric-accepted-until = Cuenta hasta el { $date }.
req-metric-registration-until = Puede obtenerse hasta el { $date }.
req-metric-replacement = Sustituto: { $replacement }.

## attain serve: el panel (páginas HTML para partners y operadores)

dash-signin-title = Iniciar sesión
dash-signin-help = Pegue el token de acceso que se le ha proporcionado; empieza por attain_. Este navegador lo guarda en una cookie que los scripts no pueden leer.
dash-signin-token = Token de acceso
dash-signin-submit = Iniciar sesión
dash-signin-failed = Este token no es válido o se ha revocado.
dash-signout = Cerrar sesión
dash-as-of = Fecha de referencia
dash-level = Nivel
dash-score = Puntuación
dash-drops-on-date = Baja de nivel el
dash-as-of-snapshot = (fecha de la última instantánea)
dash-as-of-data = (fin del último mes de los datos)
dash-as-of-today = (hoy)
dash-language = Idioma
dash-show = Mostrar
dash-market = Mercado { $market } · { $country }
dash-window = Periodo de consumo: del { $start } al { $end }
dash-version = Versión de las reglas { $version }
dash-drops-on = Baja de nivel el { $date }: { $level }
dash-no-drop = No se prevé ninguna baja de nivel en los próximos 13 meses
dash-requirements = Requisitos
dash-consumption = Consumo de los clientes
dash-individuals = Personas cualificadas
dash-of = { $value } de { $threshold }
dash-chart = Consumo acreditado por mes
dash-chart-window = Periodo
dash-chart-cumulative = Total acumulado en el periodo
dash-chart-threshold = Umbral de { $level }: { $amount }
dash-chart-off-scale = { $threshold } (por encima del gráfico)
dash-customers = Clientes que contribuyen
dash-customer = Cliente
dash-credited = Acreditado
dash-associations = Asociaciones
dash-note = Nota
dash-people = Personas
dash-person = Persona
dash-status = Estado
dash-warnings = Advertencias
dash-no-warnings = Nada deja de contar en los próximos 12 meses.
dash-history = Historial de estado
dash-no-history = Aún no hay instantáneas. Los operadores las crean con attain snapshot.
dash-change-attained = { $level } obtenido
dash-change-lost = { $level } perdido
dash-change-between = (entre el { $previous } y el { $date })
dash-overview = Todos los partners
dash-per-level = Partners por nivel
dash-search = Buscar por ID, nombre o país
dash-search-submit = Buscar
dash-dropping = Bajas de nivel en los próximos 90 días
dash-none-dropping = No hay bajas de nivel en los próximos 90 días.
dash-results = { $count ->
    [one] 1 partner
   *[other] { $count } partners
  }
dash-partner = Partner
dash-name = Nombre
dash-country = País
dash-not-found = No se ha encontrado el partner.
dash-admin-only = Esta página es para operadores; su token de acceso es de un partner. Su propia página está en /partners/SU-ID.
dash-busy = El servicio está ocupado evaluando programas completos; vuelva a intentarlo en unos segundos.

## attain lint (hallazgos en una página de requisitos; $level y $metric son nombres, $version es un identificador de versión,
## $market es `developed` o `emerging`)
lint-statement = { $message } (esperado: { $expected }, encontrado: { $found })
lint-summary = { $files ->
    [one] 1 archivo
   *[other] { $files } archivos
  }, { $errors ->
    [one] 1 error
   *[other] { $errors } errores
  }, { $warnings ->
    [one] 1 advertencia
   *[other] { $warnings } advertencias
  }, { $notes ->
    [one] 1 nota
   *[other] { $notes } notas
  }
lint-none = ninguno
lint-not-listed = no incluido
lint-not-stated = no indicado
lint-not-described = no descrito
lint-no-amount = sin importe
lint-no-points = sin puntos
lint-no-threshold = sin umbral
lint-no-title = sin título
lint-no-date = sin fecha
lint-a-metric = una métrica
lint-catalog-credential = una credencial del catálogo
lint-months = { $count ->
    [one] 1 mes
   *[other] { $count } meses
  }
lint-program-unknown = la página no describe ningún programa que attain conozca; no se ha comprobado nada
lint-page-date = la fecha de la página no tiene el formato MM/DD/YYYY; se ha comprobado con la última versión de las reglas, { $version }
lint-version-announced = la página, con fecha { $date }, es anterior a la primera versión de { $program }; se ha comprobado con la versión que anuncia, { $version } (en vigor desde el { $start })
lint-no-requirements = no se indica ningún requisito
lint-no-requirements-commented = no se indica ningún requisito (el cuerpo de la página está comentado)
lint-market-heading = { $level }: este encabezado sobre un umbral no nombra ningún mercado que attain pueda identificar; el umbral que hay debajo se compara con el de cada mercado
lint-threshold-none = el nivel { $level } no tiene umbral de consumo en la versión { $version } de las reglas
lint-threshold = el umbral del nivel { $level } contradice las reglas
lint-threshold-market = el umbral del nivel { $level } para { $market ->
    [developed] mercados desarrollados
   *[emerging] mercados emergentes
  } contradice las reglas
lint-threshold-unidentified = el umbral del nivel { $level } no corresponde a ningún mercado según las reglas
lint-threshold-missing = el nivel { $level } no indica ningún umbral para { $market ->
    [developed] mercados desarrollados
   *[emerging] mercados emergentes
  }, aunque la versión { $version } de las reglas lo establece
lint-window = el periodo de consumo del nivel { $level } contradice las reglas
lint-individuals = el número de personas del nivel { $level } contradice las reglas
lint-credential-unlisted = el nivel { $level } incluye { $id }, que la versión { $version } de las reglas no incluye
lint-credential-missing = el nivel { $level } no incluye { $id }, que la versión { $version } de las reglas exige
lint-metric-credential-unlisted = la métrica { $metric } incluye { $id }, que la versión { $version } de las reglas no cuenta para ella
lint-metric-credential-missing = la métrica { $metric } no incluye { $id }, que la versión { $version } de las reglas cuenta para ella
lint-credential-unknown = la página menciona { $id }, que no figura en ningún catálogo
lint-credential-title = { $id } lleva un título que menciona { $product }, un producto que su título oficial no nombra
lint-date = la fecha no es de retirada, de fin de inscripción ni de fin de aceptación de ninguna credencial incluida
lint-segment-numbers = el segmento traducido difiere de su origen en los números
lint-segment-dates = el segmento traducido difiere de su origen en las fechas
lint-segment-links = el segmento traducido difiere de su origen en los vínculos
lint-segment-products = el segmento traducido difiere de su origen en los nombres de productos
lint-segment-names = el segmento traducido no nombra el programa, la opción o un nivel ni como en inglés ni como lo traduce el glosario
lint-metric-missing = la página no describe la métrica { $metric }, que la versión { $version } de las reglas declara
lint-score-none = el nivel { $level } no tiene puntuación en la versión { $version } de las reglas
lint-score-total = la puntuación total del nivel { $level } contradice las reglas
lint-score-each = el mínimo de puntos por métrica del nivel { $level } contradice las reglas
lint-score-highest = la puntuación máxima posible del nivel { $level } contradice las reglas
lint-metric-threshold-none = el nivel { $level } no tiene umbral para { $metric } en la versión { $version } de las reglas
lint-metric-threshold = el umbral del nivel { $level } para { $metric } contradice las reglas
lint-metric-threshold-market = el umbral del nivel { $level } para { $metric } en { $market ->
    [developed] mercados desarrollados
   *[emerging] mercados emergentes
  } contradice las reglas
lint-points-none = la métrica { $metric } no otorga puntos en la versión { $version } de las reglas
lint-points-cap = el máximo de puntos de la métrica { $metric } contradice las reglas
lint-points-rate = los puntos por unidad de la métrica { $metric } contradicen las reglas
lint-metric-amount = el importe de la métrica { $metric } contradice las reglas
lint-metric-months = el número de meses de la métrica { $metric } contradice las reglas
lint-prerequisite = el número de personas del requisito previo de la métrica { $metric } contradice las reglas

## attain compare: un borrador frente a la versión en vigor
compare-title = { $program }: versión { $version } de las reglas (en vigor) frente al borrador { $draft }, a { $date }
compare-summary = { $partners ->
    [one] { $partners } partner
   *[other] { $partners } partners
  }: { $gained } con subida de nivel, { $lost } con baja de nivel, { $unchanged } sin cambios
compare-col-before = EN VIGOR
compare-col-after = CON EL BORRADOR
compare-col-partners = PARTNERS
compare-col-market = MERCADO
compare-col-country = PAÍS
compare-col-gained = SUBIDAS
compare-col-lost = BAJAS
compare-col-unchanged = SIN CAMBIOS
compare-col-levels = NIVEL
compare-col-why = LO QUE MARCA LA DIFERENCIA
compare-col-requirement = REQUISITO
compare-changed = Partners cuyo nivel cambia
compare-changed-none = Ningún partner cambia de nivel.
compare-new-gaps = Requisitos que dejan de cumplirse con el borrador
compare-why = { $level }: { $before } → { $after }
compare-met = cumplido
compare-lacks-consumption = consumo { $value } de { $required }
compare-lacks-individuals = { $value } de { $required ->
    [one] { $required } persona cualificada
   *[other] { $required } personas cualificadas
  }
compare-lacks-score = { $value } de { $required ->
    [one] { $required } punto
   *[other] { $required } puntos
  }
compare-lacks-minimum = { $metric } por debajo del mínimo de puntos
compare-lacks-threshold = { $metric } { $value } de { $required }
compare-requirement-consumption = consumo
compare-requirement-individuals = personas cualificadas
compare-requirement-score = puntuación
compare-requirement-minimum = mínimo de puntos de { $metric }

## attain requirements --draft: la página de cambios de un borrador
req-change-title = { $program }: qué cambia el borrador { $draft }
req-change-intro = Borrador { $draft } de los requisitos de la opción { $option }, frente a la versión { $version }, en vigor desde el { $since }. Si se adopta, entrará en vigor el { $effective }.
req-change-all-levels = Todos los niveles
req-change-metrics = Métricas
req-change-none = Los requisitos no cambian.
req-change-nothing = ninguno
req-change-window = Consumo de { $product } contado en los últimos meses: { $before } → { $after }
req-change-associations = Asociaciones mediante las que cuenta el consumo: { $before } → { $after }
req-change-left-out = Consumo excluido: { $before } → { $after }
req-change-threshold = Umbral de consumo: { $before } → { $after }
req-change-threshold-market = Umbral de consumo, { $market }: { $before } → { $after }
req-change-individuals = Personas cualificadas: { $before } → { $after }
req-change-listed = Se incluye: { $credential }
req-change-unlisted = Ya no se incluye: { $credential }
req-change-score = Puntos necesarios: { $before } → { $after }
req-change-each-metric = Mínimo de puntos por métrica: { $before } → { $after }
req-change-at-least = { $metric }, { $market }: al menos { $before } → { $after }
req-change-metric-added = Nueva métrica: { $metric }.
req-change-metric-changed = La métrica { $metric } se mide o puntúa de otra forma.
req-change-metric-removed = Ya no se cuenta: { $metric }

## attain plan: lo que debe hacer un partner para tener un nivel en una fecha
plan-title = Plan para que { $partner } ({ $id }) tenga el nivel { $level } el { $date }
plan-context = { $program }, versión { $version } de las reglas · datos disponibles hasta el { $as_of }
plan-if-nothing = Si nada cambia: { $level } el { $date }.
plan-met = El { $date } se cumplen los requisitos del nivel { $level } sin necesidad de hacer nada más.
plan-unreachable = El nivel { $level } ya no puede alcanzarse para el { $date }: lo que falta se indica a continuación.
plan-consumption = Consumo acreditado: { $credited } de { $threshold } en el periodo del { $start } al { $end }; faltan { $needed }, a más tardar el { $last }:
plan-consumption-month = Del { $from } al { $by }: { $amount }
plan-no-day-left = No queda por delante ningún día del periodo: elija una fecha posterior.
plan-customers = Se acredita mediante las asociaciones con { $customers }.
plan-customer-until = { $customer } (hasta el { $date })
plan-no-customers = Ninguna asociación que cuente cubre esos días: primero se necesita una asociación con un cliente.
plan-people = Personas cualificadas: { $qualified } de { $required }; { $gap ->
    [one] falta { $gap } más:
   *[other] faltan { $gap } más:
  }
plan-person = { $name } ({ $id }): obtener { $credentials } a más tardar el { $date }
plan-person-holds = {"; "}ya tiene { $credentials }
plan-new-people = { $count ->
    [one] { $count } persona más, además de la plantilla actual del partner, que debe obtener una de estas credenciales:
   *[other] { $count } personas más, además de la plantilla actual del partner; cada una debe obtener una de estas credenciales:
  }
plan-alternative = { $credentials }, a más tardar el { $date }
plan-no-credentials = Ya no puede obtenerse a tiempo ninguna de las credenciales que incluye el nivel.
dash-plan = Plan
dash-plan-target = Nivel objetivo
dash-plan-by = Fecha límite
dash-plan-show = Planificar
dash-plan-failed = No se ha podido elaborar el plan; el registro del servicio indica el motivo.
dash-whatif = Simulación: el impacto de un borrador
dash-whatif-help = Suba una versión borrador (un archivo con program = "ID" y una entrada [[versions]], como en las reglas del programa) o pegue su texto, o elija un borrador incluido en las reglas; cada partner se evalúa con la versión en vigor y con el borrador.
dash-whatif-file = Archivo del borrador
dash-whatif-text = O el texto del borrador
dash-whatif-rules-draft = O un borrador incluido en las reglas
dash-whatif-submit = Evaluar el borrador
dash-whatif-no-draft = Indique un borrador: un archivo, su texto o un borrador incluido en las reglas.
dash-whatif-csv = Descargar los partners que cambian de nivel (CSV)
dash-whatif-chart = Partners por nivel, en vigor y con el borrador
dash-whatif-in-force = En vigor
dash-whatif-under-draft = Con el borrador
dash-whatif-more = { $count ->
    [one] { $count } partner más cambia de nivel: el CSV los incluye todos.
   *[other] { $count } partners más cambian de nivel: el CSV los incluye todos.
  }
dash-whatif-link = Simular un borrador…
plan-points = Puntos: { $score } de { $required }; { $gap ->
    [one] falta { $gap } más
   *[other] faltan { $gap } más
  }, con al menos { $least ->
    [one] { $least } punto
   *[other] { $least } puntos
  } en cada métrica:
plan-change-customers = { $metric }: { $count ->
    [one] { $count } cliente más
   *[other] { $count } clientes más
  } con al menos { $amount } de consumo en el mes que termina el { $date }
plan-change-services = { $metric }: { $count ->
    [one] { $count } servicio adicional utilizado
   *[other] { $count } servicios adicionales utilizados
  } por { $customer } en el mes que termina el { $date }
plan-change-consumption = { $metric }: { $amount } más de consumo del cliente { $customer } en el mes que termina el { $date }
plan-change-people = { $metric }: { $count ->
    [one] { $count } persona más con
   *[other] { $count } personas más con
  } { $credentials } a más tardar el { $date }
plan-change-or = o, en su lugar, cualquiera de estas credenciales: { $credentials }
plan-outlook = Puntos por métrica, ahora → con el plan:
plan-outlook-metric = { $metric }: { $points } → { $with } de { $max ->
    [one] { $max } punto
   *[other] { $max } puntos
  }
