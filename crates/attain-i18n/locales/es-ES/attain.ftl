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

## attain evaluate --format table

table-title = { $program } ({ $option }) · versión de las reglas { $version } · a { $date } · periodo del { $start } al { $end }
table-partner = PARTNER
table-name = NOMBRE
table-market = MERCADO
table-level = NIVEL
table-consumption = CONSUMO (USD)
table-individuals = PERSONAS
table-drops-on = BAJA DE NIVEL EL
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
