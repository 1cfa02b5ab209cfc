# attain — messages pour les utilisateurs, fr-FR (traduit de en-US).
# Variables : les nombres, montants et dates arrivent déjà mis en forme pour la langue
# (ICU4X, données CLDR), sauf les sélecteurs de pluriel, qui sont des nombres bruts.
# Pluriels CLDR du français : [one] couvre 0 et 1, *[other] le reste.

## Vocabulaire

market-developed = développé
market-emerging = émergent
level-none = aucun niveau
# Un montant en dollars américains ; $amount est le nombre mis en forme pour la langue.
money-usd = { $amount } $ US
credential-kind-exam = examen
credential-kind-assessment = évaluation
credential-kind-certification = certification
# Un titre dans le texte courant : « examen 70-534 (Architecting Microsoft Azure Solutions) ».
credential-in-text = { $kind } { $code } ({ $title })
# A credential no program lists: its kind and code.
credential-code-in-text = { $kind } { $code }
list-and = { $first } et { $second }
list-or = { $first } ou { $second }
association-DPOR = partenaire numérique officiel (DPOR)
association-TPOR = partenaire de transaction officiel (TPOR)
association-DAP = administration déléguée (DAP)
association-CSP = Cloud Solution Provider (CSP)
association-PAL = Partner Admin Link (PAL)
# Un pourcentage entier ; $value est le nombre mis en forme pour la langue.
# Avant le % figure une espace fine insécable (U+202F), comme dans CLDR.
unit-percent = { $value } %

## attain evaluate --format table

table-title = { $program } ({ $option }) · version des règles { $version } · au { $date } · période du { $start } au { $end }
table-partner = PARTENAIRE
table-name = NOM
table-market = MARCHÉ
table-level = NIVEAU
table-consumption = CONSOMMATION (USD)
table-individuals = PERSONNES
table-drops-on = BAISSE LE
table-score = SCORE
table-summary = { $total ->
    [one] { $total } partenaire
   *[other] { $total } partenaires
  }, dont { $leveled } avec un niveau
table-summary-level = { $level } : { $count }

## attain explain

explain-title = { $partner } ({ $id }) · compétence { $program }, option { $option }
explain-context = Au { $date } · version des règles { $version } · marché { $market } ({ $country })
explain-window = Période de consommation : du { $start } au { $end }
explain-level = Niveau : { $level }
explain-drops = Baisse de niveau le { $date } : { $level }
explain-requirements = Exigences
explain-level-met = { $level } : atteint
explain-level-not-met = { $level } : non atteint
explain-consumption = consommation : { $value } sur { $threshold }
explain-individuals = personnes : { $value } sur { $required }
explain-met = atteint
explain-gap-consumption = il manque { $gap } de consommation
explain-gap-individuals = { $gap ->
    [one] il manque { $gap } personne
   *[other] il manque { $gap } personnes
  }
explain-customers = Clients sur la période (crédités via une association de type { $kinds })
explain-nothing = aucun
explain-excluded-kind = { $amount } exclus : association de type { $kinds } uniquement, qui n'est pas prise en compte
explain-excluded-date = { $amount } exclus ({ $rows ->
    [one] { $rows } ligne
   *[other] { $rows } lignes
  }) : aucune association de type { $kinds } à ces dates
explain-people = Personnes
explain-no-people = aucune personne enregistrée
explain-counts = compte pour { $levels }, titres obtenus : { $credentials }
explain-not-counted = ne compte pas : { $reason }
reason-not-yet-joined = arrivée le { $date }
reason-left = départ le { $date }
reason-no-longer-accepted = { $credential } valable uniquement jusqu'au { $date }
reason-achieved-after = { $credential } : réussite le { $date }, postérieure à la date de référence
reason-incomplete = doit encore obtenir : { $credentials }
reason-not-qualifying = ne détient aucun titre éligible ({ $credentials })
reason-no-achievements = aucun examen ni aucune évaluation enregistrés
explain-warnings = Dans les 12 prochains mois
warning-person = { $date } : { $name } ({ $id }) ne comptera plus : { $cause }
cause-leaves = départ le { $date }
cause-no-longer-accepted = { $credential } valable uniquement jusqu'au { $date }
cause-not-listed = la version des règles { $version } ne répertorie plus son titre
warning-association = { $date } : l'association de type { $kind } avec { $customer } prend fin ; la consommation ultérieure n'est pas créditée
explain-why-drop = Raisons de la baisse de niveau le { $date }
drop-consumption = la consommation sur cette période est de { $value }, inférieure au seuil de { $threshold }
drop-individuals = { $qualified ->
    [one] { $qualified } personne qualifiée
   *[other] { $qualified } personnes qualifiées
  } sur les { $required } requises
drop-note = (seule la consommation enregistrée jusqu'au { $date } est prise en compte)

## attain explain, programmes qui déclarent des métriques (par ex. un score de capacités partenaire)

metric-explain-title = { $partner } ({ $id }) · { $program } · { $option }
metric-explain-context = Au { $date } · version des règles { $version } · { $country }
metric-explain-months = Mois mesurés : du { $start } au { $end }
metric-explain-score = score de { $score } sur les { $total } points requis ; chaque métrique doit obtenir au moins { $least ->
    [one] { $least } point
   *[other] { $least } points
  }
metric-explain-below-minimum = sous le minimum de points : { $metrics }
metric-explain-threshold = { $metric } : { $value } sur { $required }
metric-explain-metrics = Métriques
metric-explain-points = { $metric } : { $value } · { $points ->
    [one] { $points } point
   *[other] { $points } points
  } sur { $max }
metric-explain-value = { $metric } : { $value }
metric-explain-change = actuellement { $current }, un an plus tôt { $earlier }
metric-explain-prerequisite = ne compte que si { $required ->
    [one] { $required } personne qualifiée détient
   *[other] { $required } personnes qualifiées détiennent
  } le prérequis ; personnes qui le détiennent : { $people }
metric-explain-counted = pris en compte : { $items }
metric-explain-not-counted = non pris en compte : { $items }
metric-explain-excluded = Consommation qui ne compte pour aucune métrique
metric-excluded-rows = { $reason } : { $amount } ({ $rows ->
    [one] { $rows } ligne
   *[other] { $rows } lignes
  })
metric-excluded-kind = association de type { $kinds } uniquement, qui n'est pas prise en compte
metric-excluded-outside = aucune association prise en compte à ces dates
column-service = service
column-offer = offre
metric-excluded-column = { $column } « { $value } », que les règles excluent
metric-drop-points = { $metric } : actuellement { $value }, à cette date { $then } · { $points ->
    [one] { $points } point
   *[other] { $points } points
  } → { $lower }
metric-drop-value = { $metric } : actuellement { $value }, à cette date { $then }
metric-drop-score = score à cette date : { $score }
because-below_least_amount = sous le montant mensuel minimal
because-not_counted_by_rule = non pris en compte selon les règles
because-no_consumption_above_zero = aucune consommation supérieure à zéro
because-prerequisite_not_met = le prérequis n'est pas rempli
because-incomplete = il manque encore

## attain requirements (la page des exigences d'une version du programme)

req-title = Compétence { $program }
req-option = Option { $option }
req-steps = Suivez toutes les étapes ci-dessous pour obtenir la compétence { $program }.
req-performance = Votre organisation doit atteindre les seuils de performances.
req-market-developed = Marchés développés
req-market-emerging = Marchés émergents
req-threshold-month = Les partenaires doivent justifier d'une consommation { $product } de { $amount } par leurs clients au cours des { $months } derniers mois
req-threshold-day = Les partenaires doivent justifier d'une consommation { $product } de { $amount } par leurs clients sur les { $months } mois se terminant le jour de la vérification
req-associations = Pour ces clients, vous devez disposer d'une association de type { $kinds }.
req-learn-more = [En savoir plus]({ $url }) sur ces associations.
req-individuals = Votre organisation doit compter { $count ->
    [one] **{ $count }** personne qui satisfait
   *[other] **{ $count }** personnes qui satisfont
  } aux exigences d'examen ou d'évaluation.
req-assessments = { $count ->
    [one] **{ $count }** personne doit
   *[other] **{ $count }** personnes doivent
  } réussir l'une des évaluations suivantes :
req-exams = { $count ->
    [one] **{ $count }** personne doit
   *[other] **{ $count }** personnes doivent
  } réussir l'un des examens suivants :
req-or = OU
req-all-of = l'ensemble des titres suivants : { $credentials }
req-exam = Examen { $code }
req-retires = Date de retrait : { $date }.
req-accepted-until = Cet examen continuera d'être pris en compte pour l'obtention de la compétence jusqu'au { $date }.
req-registration-until = Vous pouvez vous inscrire à cet examen jusqu'au { $date }.
req-replacement = Après le { $date }, vous devrez vous inscrire à l'examen de remplacement indiqué ci-dessus : { $replacement }.
req-version = Version des règles { $version }, en vigueur à compter du { $date }.

# Versions qui expriment leurs niveaux en métriques déclarées (score en points, seuils sur des valeurs).
req-metric-title = { $program } : exigences
req-metric-steps = Votre organisation obtient un niveau lorsqu'elle remplit toutes les conditions indiquées ci-dessous pour ce niveau ; la section des métriques explique comment les métriques sont mesurées et notées.
req-metric-score-total = Votre organisation doit obtenir au total au moins { $total ->
    [one] **{ $total }** point
   *[other] **{ $total }** points
  } sur l'ensemble des métriques ci-dessous.
req-metric-score-each = Chaque métrique doit obtenir au moins { $least ->
    [one] **{ $least }** point
   *[other] **{ $least }** points
  }.
req-metric-score-each-scored = Chaque métrique qui attribue des points doit obtenir au moins { $least ->
    [one] **{ $least }** point
   *[other] **{ $least }** points
  }.
req-metric-score-most = Les métriques attribuent au maximum { $points ->
    [one] **{ $points }** point
   *[other] **{ $points }** points
  } au total.
req-metric-thresholds = Votre organisation doit atteindre ces valeurs de métriques :
req-metric-threshold = { $metric } : au moins **{ $value }**
req-metric-heading = Métriques
req-metric-last-month = La consommation est comptée par mois civil : le **dernier mois** est le dernier mois complet avant le jour de la vérification.
req-metric-associations = La consommation compte pour votre organisation lorsque celle-ci dispose, le jour de la consommation, d'une association de type { $kinds } avec le client.
req-metric-associations-reported = Les valeurs déclarées d'un client comptent pour votre organisation lorsque celle-ci dispose, le jour de la vérification, d'une association de type { $kinds } avec le client.
req-metric-excluded-offer = La consommation des offres { $values } ne compte pour aucune métrique.
req-metric-excluded-service = La consommation des services { $values } ne compte pour aucune métrique.
req-metric-people-day = Les personnes sont comptées le jour de la vérification : chacune doit être affiliée à votre organisation et détenir un titre de la liste qui n'a pas expiré et qui est toujours accepté ce jour-là. Une personne compte une fois par métrique, quel que soit le nombre de titres de la liste qu'elle détient.
# Une valeur des données (nom d'un service ou d'une offre), entre guillemets.
req-metric-value = « { $value } »
req-metric-category = Catégorie : { $category }
req-metric-category-performance = Performances
req-metric-category-skilling = Compétences
req-metric-category-customer-success = Réussite client
req-metric-consumption = { $months ->
    [one] Consommation { $product } créditée à votre organisation au cours du dernier mois.
   *[other] Consommation { $product } créditée à votre organisation sur les { $months } mois se terminant par le dernier mois.
  }
req-metric-customers = { $months ->
    [one] Nombre de clients dont la consommation { $product } créditée à votre organisation atteint au moins { $amount } au cours du dernier mois.
   *[other] Nombre de clients dont la consommation { $product } créditée à votre organisation atteint au moins { $amount } au cours de l'un au moins des { $months } mois se terminant par le dernier mois.
  }
req-metric-distinct-service = { $months ->
    [one] Nombre de services distincts dont la consommation { $product } créditée à votre organisation est supérieure à zéro au cours du dernier mois.
   *[other] Nombre de services distincts dont la consommation { $product } créditée à votre organisation est supérieure à zéro sur les { $months } mois se terminant par le dernier mois.
  }
req-metric-distinct-offer = { $months ->
    [one] Nombre d'offres distinctes dont la consommation { $product } créditée à votre organisation est supérieure à zéro au cours du dernier mois.
   *[other] Nombre d'offres distinctes dont la consommation { $product } créditée à votre organisation est supérieure à zéro sur les { $months } mois se terminant par le dernier mois.
  }
req-metric-except = Non pris en compte : { $values }.
req-metric-people-any = Nombre de personnes de votre organisation qui détiennent l'un des titres suivants :
req-metric-people-all = Nombre de personnes de votre organisation qui détiennent tous les titres suivants :
req-metric-latest = Somme, sur les clients crédités à votre organisation le jour de la vérification, de la dernière valeur { $measure } déclarée à cette date ou avant.
req-metric-prerequisite = Elle ne compte que si au moins { $count ->
    [one] **{ $count }** personne détient
   *[other] **{ $count }** personnes détiennent
  } l'un des titres suivants :
req-metric-change = La métrique est la variation sur { $months } mois : cette valeur aujourd'hui moins la même valeur { $months } mois plus tôt.
req-metric-growth = La métrique est la croissance sur { $months } mois, en pourcentage entier arrondi à l'inférieur : la hausse par rapport à la valeur d'il y a { $months } mois, rapportée à cette valeur antérieure.
req-metric-growth-base = Elle vaut 0, sauf si la valeur antérieure est supérieure à zéro et la valeur actuelle d'au moins { $amount }.
req-metric-growth-above-zero = Elle vaut 0, sauf si la valeur antérieure est supérieure à zéro.
req-metric-points = { $per ->
    [one] **{ $per }** point
   *[other] **{ $per }** points
  } par { $unit }, au maximum { $max ->
    [one] **{ $max }** point
   *[other] **{ $max }** points
  }.
req-metric-unit-customers = { $count ->
    [one] client
   *[other] tranche de { $count } clients
  }
req-metric-unit-people = { $count ->
    [one] personne
   *[other] tranche de { $count } personnes
  }
req-metric-unit-service = { $count ->
    [one] service
   *[other] tranche de { $count } services
  }
req-metric-unit-offer = { $count ->
    [one] offre
   *[other] tranche de { $count } offres
  }
req-metric-unit-percent = { $count ->
    [one] point de pourcentage
   *[other] tranche de { $count } %
  }
req-metric-unit-number = { $count ->
    [one] unité de la valeur
   *[other] tranche de { $count } unités de la valeur
  }
req-metric-retires = Date de retrait : { $date }.
req-metric-accepted-until = Pris en compte jusqu'au { $date }.
req-metric-registration-until = Peut être obtenu jusqu'au { $date }.
req-metric-replacement = Remplacé par : { $replacement }.

## attain serve : le tableau de bord (pages HTML pour les partenaires et les opérateurs)

dash-signin-title = Connexion
dash-signin-help = Collez le jeton d'accès qui vous a été remis ; il commence par attain_. Ce navigateur le conserve dans un cookie inaccessible aux scripts.
dash-signin-token = Jeton d'accès
dash-signin-submit = Se connecter
dash-signin-failed = Ce jeton n'est pas valide ou a été révoqué.
dash-signout = Se déconnecter
dash-as-of = Date de référence
dash-level = Niveau
dash-score = Score
dash-drops-on-date = Baisse le
dash-as-of-snapshot = (date du dernier instantané)
dash-as-of-data = (fin du dernier mois des données)
dash-as-of-today = (aujourd'hui)
dash-language = Langue
dash-show = Afficher
dash-market = Marché { $market } · { $country }
dash-window = Période de consommation : du { $start } au { $end }
dash-version = Version des règles { $version }
dash-drops-on = Baisse de niveau le { $date } : { $level }
dash-no-drop = Aucune baisse de niveau prévue dans les 13 prochains mois
dash-requirements = Exigences
dash-consumption = Consommation des clients
dash-individuals = Personnes qualifiées
dash-of = { $value } sur { $threshold }
dash-chart = Consommation créditée par mois
dash-chart-window = Période
dash-chart-cumulative = Cumul sur la période
dash-chart-threshold = Seuil { $level } : { $amount }
dash-chart-off-scale = { $threshold } (au-dessus du graphique)
dash-customers = Clients contributeurs
dash-customer = Client
dash-credited = Crédité
dash-associations = Associations
dash-note = Remarque
dash-people = Personnes
dash-person = Personne
dash-status = Statut
dash-warnings = Avertissements
dash-no-warnings = Rien ne cessera de compter dans les 12 prochains mois.
dash-history = Historique du statut
dash-no-history = Aucun instantané pour l'instant. Les opérateurs les créent avec attain snapshot.
dash-change-attained = { $level } atteint
dash-change-lost = { $level } perdu
dash-change-between = (entre le { $previous } et le { $date })
dash-overview = Tous les partenaires
dash-per-level = Partenaires par niveau
dash-search = Rechercher par identifiant, nom ou pays
dash-search-submit = Rechercher
dash-dropping = Baisses de niveau dans les 90 prochains jours
dash-none-dropping = Aucune baisse de niveau dans les 90 prochains jours.
dash-results = { $count ->
    [one] { $count } partenaire
   *[other] { $count } partenaires
  }
dash-partner = Partenaire
dash-name = Nom
dash-country = Pays
dash-not-found = Partenaire introuvable.
dash-admin-only = Cette page est réservée aux opérateurs ; votre jeton d'accès est celui d'un partenaire. Votre page est à l'adresse /partners/VOTRE-ID.
dash-busy = Le service est occupé à évaluer des programmes entiers ; réessayez dans quelques secondes.

## attain lint (constats sur une page d'exigences ; $level et $metric sont des noms, $version un identifiant de version,
## $market vaut `developed` ou `emerging`)
lint-statement = { $message } (attendu : { $expected }, trouvé : { $found })
lint-summary = { $files ->
    [one] { $files } fichier
   *[other] { $files } fichiers
  }, { $errors ->
    [one] { $errors } erreur
   *[other] { $errors } erreurs
  }, { $warnings ->
    [one] { $warnings } avertissement
   *[other] { $warnings } avertissements
  }, { $notes ->
    [one] { $notes } remarque
   *[other] { $notes } remarques
  }
lint-none = aucun
lint-not-listed = non répertorié
lint-not-stated = non indiqué
lint-not-described = non décrit
lint-no-amount = aucun montant
lint-no-points = aucun point
lint-no-threshold = aucun seuil
lint-no-title = aucun titre
lint-no-date = aucune date
lint-a-metric = une métrique
lint-catalog-credential = un titre du catalogue
lint-months = { $count ->
    [one] { $count } mois
   *[other] { $count } mois
  }
lint-program-unknown = la page ne décrit aucun programme connu d'attain ; rien n'a été vérifié
lint-page-date = la date de la page n'est pas au format MM/DD/YYYY ; page vérifiée par rapport à la dernière version des règles, { $version }
lint-version-announced = la page, datée du { $date }, est antérieure à la première version de { $program } ; page vérifiée par rapport à la version qu'elle annonce, { $version } (en vigueur à compter du { $start })
lint-no-requirements = aucune exigence indiquée
lint-no-requirements-commented = aucune exigence indiquée (le corps de la page est mis en commentaire)
lint-market-heading = { $level } : ce titre placé au-dessus d'un seuil ne désigne aucun marché qu'attain puisse identifier ; le seuil qui suit est comparé à celui de chaque marché
lint-threshold-none = le niveau { $level } n'a aucun seuil de consommation dans la version des règles { $version }
lint-threshold = le seuil du niveau { $level } contredit les règles
lint-threshold-market = le seuil du niveau { $level } pour les { $market ->
    [developed] marchés développés
   *[emerging] marchés émergents
  } contredit les règles
lint-threshold-unidentified = le seuil du niveau { $level } ne correspond à celui d'aucun marché dans les règles
lint-threshold-missing = le niveau { $level } n'indique aucun seuil pour les { $market ->
    [developed] marchés développés
   *[emerging] marchés émergents
  }, alors que la version des règles { $version } en fixe un
lint-window = la période de consommation du niveau { $level } contredit les règles
lint-individuals = le nombre de personnes du niveau { $level } contredit les règles
lint-credential-unlisted = le niveau { $level } répertorie { $id }, que la version des règles { $version } ne répertorie pas
lint-credential-missing = le niveau { $level } ne répertorie pas { $id }, que la version des règles { $version } exige
lint-metric-credential-unlisted = la métrique { $metric } répertorie { $id }, que la version des règles { $version } ne prend pas en compte pour elle
lint-metric-credential-missing = la métrique { $metric } ne répertorie pas { $id }, que la version des règles { $version } prend en compte pour elle
lint-credential-unknown = la page mentionne { $id }, qu'aucun catalogue ne connaît
lint-credential-title = { $id } porte un titre qui mentionne { $product }, un produit que son titre officiel ne nomme pas
lint-date = la date n'est ni une date de retrait, ni une date limite d'inscription, ni une date limite de prise en compte d'un titre répertorié
lint-segment-numbers = le segment traduit diffère de sa source par les nombres
lint-segment-dates = le segment traduit diffère de sa source par les dates
lint-segment-links = le segment traduit diffère de sa source par les liens
lint-segment-products = le segment traduit diffère de sa source par les noms de produits
lint-segment-names = le segment traduit ne nomme le programme, l'option ou un niveau ni comme en anglais, ni comme le glossaire le traduit
lint-metric-missing = la page ne décrit pas la métrique { $metric }, que la version des règles { $version } déclare
lint-score-none = le niveau { $level } n'a aucun score dans la version des règles { $version }
lint-score-total = le score total du niveau { $level } contredit les règles
lint-score-each = le minimum de points par métrique du niveau { $level } contredit les règles
lint-score-highest = le score maximal possible du niveau { $level } contredit les règles
lint-metric-threshold-none = le niveau { $level } n'a aucun seuil sur { $metric } dans la version des règles { $version }
lint-metric-threshold = le seuil du niveau { $level } sur { $metric } contredit les règles
lint-metric-threshold-market = le seuil du niveau { $level } sur { $metric } pour les { $market ->
    [developed] marchés développés
   *[emerging] marchés émergents
  } contredit les règles
lint-points-none = la métrique { $metric } ne rapporte aucun point dans la version des règles { $version }
lint-points-cap = le plafond de points de la métrique { $metric } contredit les règles
lint-points-rate = le barème de points de la métrique { $metric } contredit les règles
lint-metric-amount = le montant de la métrique { $metric } contredit les règles
lint-metric-months = le nombre de mois de la métrique { $metric } contredit les règles
lint-prerequisite = le nombre de personnes requis pour le prérequis de la métrique { $metric } contredit les règles

## attain compare : un projet de version comparé à la version en vigueur
compare-title = { $program } : version des règles { $version } (en vigueur) comparée au projet { $draft }, au { $date }
compare-summary = { $partners ->
    [one] { $partners } partenaire
   *[other] { $partners } partenaires
  } : { $gained } en hausse, { $lost } en baisse, { $unchanged } sans changement
compare-col-before = EN VIGUEUR
compare-col-after = SELON LE PROJET
compare-col-partners = PARTENAIRES
compare-col-market = MARCHÉ
compare-col-country = PAYS
compare-col-gained = EN HAUSSE
compare-col-lost = EN BAISSE
compare-col-unchanged = SANS CHANGEMENT
compare-col-levels = NIVEAU
compare-col-why = CE QUI FAIT LA DIFFÉRENCE
compare-col-requirement = EXIGENCE
compare-changed = Partenaires dont le niveau change
compare-changed-none = Aucun partenaire ne change de niveau.
compare-new-gaps = Exigences qui ne sont plus atteintes selon le projet
compare-why = { $level } : { $before } → { $after }
compare-met = atteint
compare-lacks-consumption = consommation de { $value } sur { $required }
compare-lacks-individuals = { $value } sur { $required ->
    [one] { $required } personne qualifiée
   *[other] { $required } personnes qualifiées
  }
compare-lacks-score = { $value } sur { $required ->
    [one] { $required } point
   *[other] { $required } points
  }
compare-lacks-minimum = { $metric } sous le minimum de points
compare-lacks-threshold = { $metric } { $value } sur { $required }
compare-requirement-consumption = consommation
compare-requirement-individuals = personnes qualifiées
compare-requirement-score = score
compare-requirement-minimum = minimum de points pour { $metric }

## attain requirements --draft : la page des changements d'un projet de version
req-change-title = { $program } : ce que change le projet { $draft }
req-change-intro = Projet { $draft } des exigences de l'option { $option }, comparé à la version { $version }, en vigueur depuis le { $since }. S'il est adopté, il prendra effet le { $effective }.
req-change-all-levels = Tous les niveaux
req-change-metrics = Métriques
req-change-none = Les exigences ne changent pas.
req-change-nothing = aucun
req-change-window = Consommation { $product } comptée sur les derniers mois : { $before } → { $after }
req-change-associations = Associations par lesquelles la consommation est prise en compte : { $before } → { $after }
req-change-left-out = Consommation exclue : { $before } → { $after }
req-change-threshold = Seuil de consommation : { $before } → { $after }
req-change-threshold-market = Seuil de consommation, { $market } : { $before } → { $after }
req-change-individuals = Personnes qualifiées : { $before } → { $after }
req-change-listed = Figure désormais dans la liste : { $credential }
req-change-unlisted = Ne figure plus dans la liste : { $credential }
req-change-score = Points requis : { $before } → { $after }
req-change-each-metric = Minimum de points par métrique : { $before } → { $after }
req-change-at-least = { $metric }, { $market } : au moins { $before } → { $after }
req-change-metric-added = Nouvelle métrique : { $metric }.
req-change-metric-changed = La métrique { $metric } est mesurée ou notée autrement.
req-change-metric-removed = Ne compte plus : { $metric }

## attain plan : ce qu'un partenaire doit faire pour détenir un niveau à une date donnée
plan-title = Plan pour { $partner } ({ $id }) : détenir le niveau { $level } au { $date }
plan-context = { $program }, version des règles { $version } · données connues jusqu'au { $as_of }
plan-if-nothing = Si rien ne change : { $level } au { $date }.
plan-met = Le niveau { $level } est atteint au { $date } ; il n'y a rien de plus à faire.
plan-unreachable = Le niveau { $level } ne peut plus être atteint d'ici le { $date } : ce qui manque est indiqué ci-dessous.
plan-consumption = Consommation créditée : { $credited } sur { $threshold } pour la période du { $start } au { $end } ; il manque encore { $needed }, à réaliser d'ici le { $last } :
plan-consumption-month = Du { $from } au { $by } : { $amount }
plan-no-day-left = Il ne reste aucun jour à venir dans la période : choisissez une date plus tardive.
plan-customers = Consommation créditée via les associations avec { $customers }.
plan-customer-until = { $customer } (jusqu'au { $date })
plan-no-customers = Aucune association prise en compte ne couvre ces jours : il faut d'abord une association avec un client.
plan-people = Personnes qualifiées : { $qualified } sur { $required } ; il en manque { $gap } :
plan-person = { $name } ({ $id }), d'ici le { $date }, doit obtenir : { $credentials }
plan-person-holds = {" ; "}détient déjà : { $credentials }
plan-new-people = { $count ->
    [one] { $count } personne en plus de l'effectif actuel du partenaire, qui doit obtenir l'un des titres suivants :
   *[other] { $count } personnes en plus de l'effectif actuel du partenaire, chacune devant obtenir l'un des titres suivants :
  }
plan-alternative = { $credentials }, d'ici le { $date }
plan-no-credentials = Aucun titre répertorié pour ce niveau ne peut plus être obtenu à temps.
dash-plan = Plan
dash-plan-target = Niveau visé
dash-plan-by = Échéance
dash-plan-show = Établir le plan
dash-plan-failed = Le plan n'a pas pu être établi ; le journal du service en indique la raison.
dash-whatif = Simulation : l'impact d'un projet
dash-whatif-help = Chargez un projet de version (un fichier contenant program = "ID" et une entrée [[versions]], comme dans les règles du programme) ou collez-en le texte, ou choisissez un projet figurant dans les règles ; chaque partenaire est évalué selon la version en vigueur et selon le projet.
dash-whatif-file = Fichier du projet
dash-whatif-text = Ou le texte du projet
dash-whatif-rules-draft = Ou un projet figurant dans les règles
dash-whatif-submit = Évaluer le projet
dash-whatif-no-draft = Indiquez un projet : un fichier, son texte ou un projet figurant dans les règles.
dash-whatif-csv = Télécharger les partenaires qui changent de niveau (CSV)
dash-whatif-chart = Partenaires par niveau, en vigueur et selon le projet
dash-whatif-in-force = En vigueur
dash-whatif-under-draft = Selon le projet
dash-whatif-more = { $count ->
    [one] { $count } autre partenaire change de niveau : le CSV les répertorie tous.
   *[other] { $count } autres partenaires changent de niveau : le CSV les répertorie tous.
  }
dash-whatif-link = Simuler un projet…
plan-points = Points : { $score } sur { $required } ; il en manque { $gap }, avec au moins { $least ->
    [one] { $least } point
   *[other] { $least } points
  } dans chaque métrique :
plan-change-customers = { $metric } : { $count ->
    [one] { $count } client de plus
   *[other] { $count } clients de plus
  } avec au moins { $amount } de consommation au cours du mois se terminant le { $date }
plan-change-services = { $metric } : { $count ->
    [one] { $count } service de plus utilisé
   *[other] { $count } services de plus utilisés
  } par { $customer } au cours du mois se terminant le { $date }
plan-change-consumption = { $metric } : { $amount } de consommation en plus pour le client { $customer } au cours du mois se terminant le { $date }
plan-change-people = { $metric } : d'ici le { $date }, { $count ->
    [one] { $count } personne de plus détenant
   *[other] { $count } personnes de plus détenant
  } : { $credentials }
plan-change-or = ou, à la place, l'un des titres suivants : { $credentials }
plan-outlook = Points par métrique, actuellement → avec le plan :
plan-outlook-metric = { $metric } : { $points } → { $with } sur { $max ->
    [one] { $max } point
   *[other] { $max } points
  }
