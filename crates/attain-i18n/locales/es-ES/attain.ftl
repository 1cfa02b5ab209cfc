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

## attain serve: el panel (páginas HTML para partners y operadores)

dash-signin-title = Iniciar sesión
dash-signin-help = Pegue el token de acceso que se le ha proporcionado; empieza por attain_. Este navegador lo guarda en una cookie que los scripts no pueden leer.
dash-signin-token = Token de acceso
dash-signin-submit = Iniciar sesión
dash-signin-failed = Este token no es válido o se ha revocado.
dash-signout = Cerrar sesión
dash-as-of = Fecha de referencia
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
dash-chart-threshold = Umbral de { $level }
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
