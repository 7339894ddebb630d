"""Word and phrase banks for the synthetic archive (bench/synth.py).

Everything here was written for this benchmark: fictional people, companies and
associations; plausible French administrative wording; article numbers of the
codes cited are real numbers, the text around them is not copied from any act.

Templates use `{slot}` fields filled by `synth.Slots`; a slot keeps its value for
the whole act (one act is about one company, one street, one event), except the
slots listed in `synth.FRESH`.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------
# People and places

PRENOMS_F = (
    "Claire", "Nathalie", "Sophie", "Isabelle", "Valérie", "Sandrine", "Céline", "Aurélie", "Émilie", "Julie",
    "Camille", "Laurence", "Martine", "Christine", "Catherine", "Annie", "Karine", "Delphine", "Stéphanie",
    "Véronique", "Corinne", "Audrey", "Mélanie", "Hélène", "Sylvie", "Marie", "Jeanne", "Agnès", "Fatima",
    "Nadia", "Samia", "Virginie", "Élodie", "Pauline", "Manon", "Léa", "Chloé", "Brigitte", "Monique", "Josiane",
)
PRENOMS_M = (
    "Jean", "Pierre", "Michel", "Philippe", "Alain", "Patrick", "Nicolas", "Christophe", "Laurent", "Frédéric",
    "Stéphane", "David", "Olivier", "Éric", "Thierry", "Pascal", "Bruno", "Franck", "Didier", "Sébastien",
    "Julien", "Guillaume", "Antoine", "Mathieu", "Vincent", "Karim", "Mohamed", "Rachid", "Ludovic", "Cédric",
    "Jérôme", "Benoît", "Arnaud", "Hervé", "Gérard", "Daniel", "Bernard", "Dominique", "Thomas", "Kévin",
)
NOMS = (
    "DUBOIS", "LEFEBVRE", "LEROY", "MOREL", "DUPONT", "DELATTRE", "CARPENTIER", "DUHAMEL", "DEVOS", "LECLERCQ",
    "DEBRUYNE", "VANDAMME", "WATTEL", "LECOCQ", "DELEPINE", "HOCHART", "LEGRAND", "MARTIN", "BERNARD", "PETIT",
    "DURAND", "LEMAIRE", "FONTAINE", "CAUDRON", "DESCAMPS", "DEMARET", "HENNEBELLE", "MASCLET", "PRUVOST",
    "DELANNOY", "BOULANGER", "CARON", "COUSIN", "DUFOUR", "LAMBERT", "LECOMTE", "MERCIER", "NOËL", "ROUSSEL",
    "SENECHAL", "TOURNEUR", "VASSEUR", "WILLEMS", "BRIDOUX", "DEGRAEVE", "FLAMENT", "GHESQUIÈRE", "LAGACHE",
    "MAQUET", "POTIER", "RICHARD", "SAGNIEZ", "TILLIER", "VERMERSCH", "BOUCHEZ", "COQUELLE", "DELCROIX",
    "FOURNIER", "GOSSELIN", "HAUTECOEUR", "KOWALSKI", "NOWAK", "WOJCIK", "LEWANDOWSKI", "BENALI", "HAMIDI",
    "MANSOURI", "SAIDI", "DA SILVA", "FERREIRA", "RODRIGUES", "CZARNECKI", "DZIEDZIC", "PIOTROWSKI",
)
PERSONNALITES = (
    "Jean Jaurès", "Jules Ferry", "Victor Hugo", "Louise Michel", "Marie Curie", "Pierre Curie", "Jean Macé",
    "Léo Lagrange", "Paul Bert", "Jean Zay", "Lucie Aubrac", "Émile Zola", "Pasteur", "Condorcet",
    "Simone Veil", "Marcel Pagnol", "Jacques Prévert", "Robert Desnos", "Gustave Eiffel", "Joliot-Curie",
    "Salvador Allende", "Anatole France", "Georges Brassens", "Jean Moulin", "Danielle Casanova",
)
RUES = (
    "rue Jean Jaurès", "avenue Alfred Maës", "boulevard Émile Basly", "rue de la Gare", "place Jean Jaurès",
    "rue René Lanoy", "rue de Liévin", "route de Béthune", "avenue Raoul Briquet", "rue Paul Bert",
    "rue Victor Hugo", "rue de Douai", "boulevard des Écoles", "rue Édouard Vaillant", "rue Casimir Beugnet",
    "rue du Pôle", "rue de la Paix", "rue Decrombecque", "place de la République", "rue Lamartine",
    "rue Arthur Lamendin", "rue de Bapaume", "rue Jean Letienne", "rue Romuald Pruvost", "avenue de la Fosse 11",
    "chemin des Croisettes", "rue des Tulipes", "rue des Peupliers", "rue du 11 Novembre", "rue de l'Abbaye",
    "boulevard Faidherbe", "rue Louis Blanc", "rue Saint-Léger", "place du Cantin", "rue Jules Guesde",
    "rue Carnot", "rue de Varsovie", "rue Bollaert", "rue du Marais", "rue Fernand Lobbedez",
)
QUARTIERS = (
    "Grande Résidence", "Cité 12/14", "Cité 9", "Centre-ville", "Cité du 4", "Sellier", "Montgré", "Cité 2",
    "Vent de Bise", "Cité Saint-Édouard", "Quartier de la Gare", "Cité des Provinces", "Bollaert",
)
VILLES = (
    "Liévin", "Avion", "Loos-en-Gohelle", "Béthune", "Arras", "Lille", "Douai", "Hénin-Beaumont", "Amiens",
    "Abbeville", "Bully-les-Mines", "Sallaumines", "Billy-Montigny", "Harnes", "Vendin-le-Vieil", "Éleu-dit-Leauwette",
    "Wingles", "Carvin", "Noyelles-sous-Lens", "Mazingarbe", "Grenay", "Saint-Quentin", "Péronne", "Montdidier",
)
CODES_POSTAUX = ("62300", "62800", "62210", "62750", "62400", "62000", "59000", "59500", "80000", "80100")
VILLES_ETRANGERES = ("Recklinghausen (Allemagne)", "Pszczyna (Pologne)", "Sallanches", "Tipasa (Algérie)",
                     "Zabrze (Pologne)", "Mons (Belgique)", "Gembloux (Belgique)")

CIVILITES = ("M.", "Mme")

# ---------------------------------------------------------------------------
# Organisations

FORMES = ("SAS", "SARL", "SA", "EURL", "SCOP", "SAS", "SARL")
SOC_RACINES = (
    "ARTOIS", "GOHELLE", "NORD", "OPALE", "FLANDRES", "PICARDIE", "LENS", "HAUTS-DE-FRANCE", "MINIER",
    "TERRIL", "BASSIN", "ESCAUT", "LYS", "SOMME", "AVENIR", "HORIZON", "ATLAS", "VAUBAN", "DELTA", "CARRÉ",
)
SOC_SUFFIXES = (
    " TRAVAUX", " BÂTIMENT", " ENVIRONNEMENT", " SERVICES", " ÉLECTRICITÉ", " TP", " INFORMATIQUE",
    " PROPRETÉ", " ÉCLAIRAGE", " PAYSAGE", " CONSTRUCTION", " SIGNALISATION", " RESTAURATION", " ÉNERGIES",
    " SOLUTIONS", " INGÉNIERIE", " MULTISERVICES", " TOITURES", " CHAUFFAGE", " MOBILIER",
)
ASSO_DEBUTS = (
    "Association sportive", "Union sportive", "Amicale", "Club", "Comité des fêtes", "Harmonie municipale",
    "Association culturelle", "Les Amis", "Association des parents d'élèves", "Association des commerçants",
    "Maison des jeunes", "Association de quartier", "Secours", "Cercle", "Entente",
)
ASSO_FINS = (
    "de la Cité 12/14", "du Centre-ville", "lensoise", "de la Gohelle", "des retraités mineurs", "du Bassin minier",
    "de tennis de table", "de judo", "de handball", "de football", "de la Grande Résidence", "d'histoire locale",
    "de danse", "de gymnastique volontaire", "du quartier Sellier", "de pétanque", "des jardiniers", "de boxe",
)
BANQUES = ("la Caisse des dépôts et consignations", "la Banque des territoires", "le Crédit Agricole Nord de France",
           "la Caisse d'Épargne Hauts-de-France", "la Banque Postale", "le Crédit Mutuel Nord Europe",
           "La Banque Postale Collectivités Locales", "la Société Générale")
BAILLEURS = ("Maisons & Cités", "Pas-de-Calais Habitat", "SIA Habitat", "Flandre Opale Habitat", "Vilogia",
             "Logis 62", "Habitat Hauts-de-France", "Clésence")
FINANCEURS = ("l'État (dotation de soutien à l'investissement local)", "la Région Hauts-de-France",
              "le Département du Pas-de-Calais", "la Communauté d'Agglomération de Lens-Liévin",
              "l'Agence nationale du sport", "la Caisse d'allocations familiales du Pas-de-Calais",
              "l'Agence nationale pour la rénovation urbaine", "la Direction régionale des affaires culturelles",
              "l'Agence de l'eau Artois-Picardie", "le Fonds européen de développement régional")
SYNDICATS = ("le syndicat intercommunal d'assainissement de la région de Lens", "le syndicat mixte des transports Artois-Gohelle",
             "la Fédération départementale d'énergie du Pas-de-Calais", "le syndicat mixte Somme Numérique",
             "le syndicat intercommunal de la fourrière animale", "le syndicat mixte du parc des Îles",
             "le syndicat intercommunal à vocation multiple du Lensois")
ORGANISMES = ("le conseil d'administration du centre communal d'action sociale", "le conseil d'école de l'école {personnalite}",
              "le conseil d'administration du collège {personnalite}", "la commission locale d'évaluation des charges transférées",
              "l'assemblée générale de la société publique locale {sem}", "le conseil de surveillance du centre hospitalier de Lens",
              "la commission consultative des services publics locaux", "le comité de pilotage du contrat de ville")
SEMS = ("Territoires 62", "Adevia", "SEM Énergies Hauts-de-France", "SPL Euralens", "SEM Gohelle Aménagement",
        "SPL Somme Numérique Services")
JURIDICTIONS = ("Tribunal administratif de Lille", "Tribunal judiciaire de Béthune", "Cour administrative d'appel de Douai",
                "Conseil d'État", "Tribunal de commerce d'Arras", "Conseil de prud'hommes de Lens")
BARS = ("Le Bollaert", "Le Café de la Paix", "Au Sang et Or", "Le Terril", "La Chope lensoise", "Le Galibot",
        "Le Diplomate", "Chez Dédé", "Le Relais de la Gare", "L'Estaminet du Pôle")
EVENEMENTS = ("la braderie de printemps", "la fête de la musique", "le marché de Noël", "la Fête nationale",
              "la ducasse du quartier {quartier}", "la course pédestre « Les foulées lensoises »", "le carnaval",
              "la commémoration du 11 novembre", "la rencontre de football opposant le RC Lens à {adversaire}",
              "le festival des arts de la rue", "la journée des associations", "le marché aux puces",
              "les feux de la Sainte-Barbe", "la fête des voisins", "le Téléthon", "la cérémonie du 8 mai")
ADVERSAIRES = ("l'Olympique de Marseille", "le LOSC Lille", "le Paris Saint-Germain", "l'AS Monaco",
               "l'Olympique lyonnais", "le Stade rennais FC", "le FC Nantes", "le RC Strasbourg Alsace",
               "l'OGC Nice", "le Stade brestois 29", "le Montpellier HSC", "le Toulouse FC")

# ---------------------------------------------------------------------------
# Things

TRAVAUX = ("réfection de la toiture", "rénovation énergétique", "mise en accessibilité", "remplacement des menuiseries extérieures",
           "désamiantage", "réhabilitation des sanitaires", "isolation thermique par l'extérieur", "réfection de l'étanchéité",
           "remplacement de la chaudière", "mise en conformité électrique", "extension", "rénovation de l'éclairage",
           "installation d'un système de vidéoprotection", "réaménagement des espaces extérieurs", "ravalement des façades")
EQUIPEMENTS = ("l'école élémentaire {personnalite}", "l'école maternelle {personnalite}", "le gymnase {personnalite}",
               "la salle des fêtes de la Cité 9", "le stade {personnalite}", "l'Hôtel de Ville", "la médiathèque Robert Cousin",
               "la piscine municipale", "le centre social {personnalite}", "la maison de quartier {quartier}",
               "le complexe sportif Léo Lagrange", "la salle Jean Nohain", "le conservatoire de musique et de danse",
               "le centre technique municipal", "la crèche {personnalite}", "le restaurant scolaire {personnalite}",
               "l'espace culturel {personnalite}", "le cimetière de l'Est", "la halle de sport {personnalite}")
FOURNITURES = ("de fournitures scolaires", "de produits d'entretien", "de vêtements de travail et d'équipements de protection individuelle",
               "de denrées alimentaires pour la restauration scolaire", "de matériel informatique", "de mobilier de bureau",
               "de carburant", "de végétaux et de terreau", "de panneaux de signalisation", "de papier et de consommables d'impression",
               "de luminaires d'éclairage public", "de jeux et d'équipements d'aires de jeux", "de sel de déneigement")
SERVICES = ("la maintenance des ascenseurs", "le nettoyage des bâtiments communaux", "la maintenance des installations de chauffage",
            "l'entretien des espaces verts", "la vérification périodique des installations électriques", "la location de bennes",
            "le transport des élèves vers la piscine", "la fourniture de repas pour la restauration scolaire",
            "la maintenance du logiciel de gestion financière", "l'hébergement des applications métiers", "l'impression du magazine municipal",
            "le gardiennage des manifestations", "la télésurveillance des bâtiments", "les prestations d'assurance dommages aux biens",
            "la collecte des dépôts sauvages", "l'entretien des poteaux d'incendie")
DSP = ("la fourrière automobile", "la restauration collective", "le stationnement payant sur voirie", "le marché d'approvisionnement",
       "la crèche collective", "le camping municipal", "les pompes funèbres", "le réseau de chaleur urbain", "la piscine municipale")
OPERATIONS = ("la requalification de {la_rue}", "la construction d'un groupe scolaire dans le quartier {quartier}",
              "la rénovation du stade {personnalite}", "l'aménagement du parc urbain de la Glissoire",
              "la création d'une maison de santé pluriprofessionnelle", "la réhabilitation de la salle des fêtes de la Cité 9",
              "la rénovation urbaine du quartier {quartier}", "la construction d'une halle de sport", "l'extension du cimetière de l'Est",
              "l'aménagement d'une piste cyclable {rue_situe}", "la création d'un îlot de fraîcheur dans la cour de l'école {personnalite}",
              "le déploiement de bornes de recharge pour véhicules électriques", "la restauration de l'église Saint-Léger")
MATERIELS = ("photocopieurs multifonctions", "véhicules utilitaires", "chapiteaux et barnums", "sanitaires mobiles",
             "nacelles élévatrices", "podiums mobiles", "illuminations de fin d'année", "défibrillateurs")
BATIMENTS = ("presbytère", "logement de fonction de l'école {personnalite}", "bâtiment de l'ancienne perception",
             "entrepôt communal", "ancien dispensaire", "local commercial", "ancien centre de loisirs")
GRADES = ("adjoint administratif principal de 2e classe", "adjoint technique principal de 1re classe", "rédacteur principal de 2e classe",
          "technicien territorial", "attaché territorial", "ingénieur territorial", "agent de maîtrise principal",
          "auxiliaire de puériculture de classe normale", "brigadier-chef principal de police municipale", "éducateur des activités physiques et sportives",
          "assistant d'enseignement artistique", "animateur territorial", "adjoint du patrimoine")
METIERS = ("chargé de mission politique de la ville", "chef de projet renouvellement urbain", "conseiller numérique",
           "responsable du service des marchés publics", "médiateur social", "chargé de communication", "gestionnaire des ressources humaines",
           "coordonnateur du programme de réussite éducative", "technicien bâtiment", "archiviste", "juriste", "manager de centre-ville")
FONCTIONS_AGENT = ("Directeur général des services", "Directrice générale adjointe des services", "Directeur des services techniques",
                   "Directrice des ressources humaines", "Directeur des finances", "Responsable du service de l'état civil",
                   "Directrice de la commande publique", "Responsable du service des affaires juridiques")
SECTEURS = ("dans le périmètre du centre-ville", "aux abords du stade Bollaert-Delelis", "dans le quartier de la gare",
            "sur la place Jean Jaurès et ses abords", "aux abords des établissements scolaires", "dans le parc de la Glissoire")
ETABLISSEMENTS = ("l'établissement « {bar} »", "le commerce d'alimentation générale situé {rue_situe}", "le bar à chicha situé {rue_situe}",
                  "la discothèque « Le Carré »")
ELECTIONS = ("l'élection présidentielle", "les élections législatives", "les élections européennes", "les élections municipales",
             "les élections départementales et régionales", "le scrutin partiel")
SOCIAL = ("le portage de repas à domicile", "l'aide aux vacances des familles", "l'épicerie sociale", "la veille sociale hivernale",
          "l'accompagnement des bénéficiaires du revenu de solidarité active", "l'aide au permis de conduire des jeunes")
TRANSPORTS = ("la desserte des zones d'activités", "le transport à la demande", "la navette du marché", "le transport scolaire",
              "l'aménagement des arrêts de bus")
PATRIMOINE = ("la Fosse 11-19", "le chevalement de la Fosse 9", "l'église Saint-Léger", "les cités minières inscrites au patrimoine mondial",
              "la gare de Lens", "la maison syndicale des mineurs")
SAISONS = ("estivale", "hivernale", "de la rentrée scolaire", "des fêtes de fin d'année")
VACATIONS = ("assurant l'encadrement de la pause méridienne", "des accueils collectifs de mineurs", "des études surveillées",
             "des jurys d'examen du conservatoire", "du recensement de la population")
CIMETIERES = ("de l'Est", "du Sud", "de la Route de Béthune", "de la Cité 12")
CHANTIERS = ("« Espaces verts et patrimoine minier »", "« Second œuvre du bâtiment »", "« Recyclerie du Lensois »",
             "« Restauration et service en salle »")
ASSOCIATIONS_CULTURELLES = ("la Scène nationale Culture Commune", "l'harmonie municipale", "le Louvre-Lens", "la compagnie Hendrick Van Der Zee",
                            "l'association « Lens Jazz »", "le centre régional des arts du cirque")
DELEGATIONS_ELUS = ("aux finances et au budget", "à l'urbanisme et au cadre de vie", "aux affaires scolaires", "aux sports",
                    "à la culture et au patrimoine", "à la solidarité et à l'action sociale", "à la tranquillité publique",
                    "à la jeunesse", "aux travaux et à la voirie", "au commerce et à l'artisanat", "à l'environnement",
                    "aux ressources humaines", "à la vie associative", "à la petite enfance", "au logement")
HEURES = ("8 h 00", "9 h 00", "14 h 00", "18 h 00", "20 h 00", "22 h 00", "6 h 00", "7 h 30", "12 h 00", "23 h 00")
CHAPITRES = ("011", "012", "65", "66", "67", "20", "21", "23", "204", "16", "13", "70", "73", "74")
NATURES_BUDG = ("6064", "611", "6135", "61521", "615221", "6156", "6188", "6226", "6232", "6574", "2031", "2128",
                "21312", "2135", "2152", "2183", "2184", "2313", "2315", "1641", "7066", "7478")
BUDGETS = ("principal", "annexe des pompes funèbres", "annexe du stationnement", "principal de la Ville")

# ---------------------------------------------------------------------------
# Matières: the subject of an act (a noun phrase with its article), per level-2 code.

SUJETS: dict[str, tuple[str, ...]] = {
    "1.1": ("l'attribution du marché de travaux de {travaux} de {equipement}",
            "la signature du marché de fourniture {fourniture} avec la société {societe}",
            "la conclusion de l'avenant n° {petit} au marché relatif à {service}",
            "l'accord-cadre à bons de commande pour {service}",
            "le lancement d'une consultation pour {service}"),
    "1.2": ("le rapport annuel du délégataire du service public de {dsp}",
            "le lancement d'une procédure de délégation de service public pour {dsp}",
            "l'avenant n° {petit} au contrat de délégation de service public de {dsp}",
            "le choix du délégataire du service public de {dsp}"),
    "1.3": ("la convention de mandat de maîtrise d'ouvrage pour {operation}",
            "la convention de mandat conclue avec {bailleur} pour {operation}"),
    "1.4": ("la convention de partenariat avec l'association « {association} »",
            "le contrat de location de {materiel} avec la société {societe}",
            "la convention de mise à disposition de {equipement} au profit de l'association « {association} »",
            "la convention de groupement de commandes pour {service}"),
    "1.5": ("le protocole transactionnel conclu avec la société {societe}",
            "la transaction mettant fin au litige relatif à {operation}"),
    "1.6": ("le marché de maîtrise d'œuvre pour {operation}",
            "la rémunération définitive du maître d'œuvre de {operation}",
            "le concours restreint de maîtrise d'œuvre pour {operation}"),
    "1.7": ("l'exonération des pénalités de retard du titulaire du lot n° {petit} de {operation}",
            "la résiliation du marché relatif à {service}",
            "la déclaration sans suite de la consultation relative à {service}"),
    "2.1": ("la modification simplifiée n° {petit} du plan local d'urbanisme",
            "le débat sur les orientations du projet d'aménagement et de développement durables",
            "la mise à jour des annexes du plan local d'urbanisme intercommunal",
            "le périmètre d'étude du secteur de la gare"),
    "2.2": ("le permis de construire délivré à {personne} pour {projet}",
            "la déclaration préalable de travaux pour le bien situé au {adresse}",
            "le permis d'aménager du lotissement « Les Jardins de {personnalite} »",
            "le permis de démolir de l'immeuble situé au {adresse}"),
    "2.3": ("l'exercice du droit de préemption urbain sur le bien situé au {adresse}",
            "la renonciation au droit de préemption urbain sur la parcelle cadastrée section {section} n° {parcelle}",
            "la délégation du droit de préemption urbain à l'Établissement public foncier Hauts-de-France"),
    "3.1": ("l'acquisition de la parcelle cadastrée section {section} n° {parcelle} située {rue_situe}",
            "l'acquisition amiable de l'immeuble situé au {adresse}",
            "l'acquisition à l'euro symbolique des espaces communs de la résidence {personnalite}"),
    "3.2": ("la cession de la parcelle cadastrée section {section} n° {parcelle} à {personne}",
            "la vente de l'ancien {batiment} situé {rue_situe}",
            "la cession d'un délaissé de voirie {rue_situe}"),
    "3.3": ("la location d'un logement communal situé {rue_situe}",
            "le bail commercial consenti à la société {societe}",
            "la convention d'occupation précaire de {equipement}",
            "le bail emphytéotique administratif consenti à {bailleur}"),
    "3.4": ("la rectification des limites territoriales entre la commune et {ville}",
            "l'échange de parcelles en limite du territoire de {ville}"),
    "3.5": ("l'occupation temporaire du domaine public {rue_situe} par la société {societe}",
            "le classement dans le domaine public communal de {la_rue}",
            "les redevances d'occupation du domaine public pour les terrasses et étalages",
            "la permission de voirie accordée à la société {societe}"),
    "3.6": ("la mise à disposition de jardins familiaux {rue_situe}",
            "le déclassement et la désaffectation du {batiment}",
            "la convention d'occupation d'un terrain du domaine privé par l'association « {association} »"),
    "4.1": ("la mise à jour du tableau des emplois permanents",
            "la nomination de {personne} au grade {de_grade}",
            "les lignes directrices de gestion en matière de promotion et de valorisation des parcours",
            "l'avancement de grade de {personne}"),
    "4.2": ("le recrutement d'agents contractuels pour accroissement temporaire d'activité",
            "le recrutement d'un {metier} contractuel",
            "la création d'emplois saisonniers pour la période {saison}",
            "le renouvellement du contrat de {personne}, {metier}"),
    "4.3": ("la convention de mise à disposition de personnel avec le centre hospitalier de {ville}",
            "la convention de remboursement des frais de personnel hospitalier mis à disposition"),
    "4.4": ("le recrutement d'apprentis au sein des services municipaux",
            "l'accueil de volontaires du service civique",
            "la rémunération des vacataires {vacation}"),
    "4.5": ("le régime indemnitaire tenant compte des fonctions, des sujétions, de l'expertise et de l'engagement professionnel",
            "les indemnités horaires pour travaux supplémentaires",
            "la prime annuelle versée aux agents municipaux",
            "les modalités d'attribution des astreintes et des permanences"),
    "5.1": ("l'élection du Maire", "l'élection des adjoints au Maire", "la fixation du nombre d'adjoints au Maire"),
    "5.2": ("le règlement intérieur du Conseil municipal", "la création des commissions municipales",
            "la composition de la commission d'appel d'offres", "le retrait d'une question de l'ordre du jour"),
    "5.3": ("la désignation des représentants de la commune au sein de {organisme}",
            "la désignation d'un délégué auprès de {syndicat}",
            "le remplacement d'un représentant au sein de {organisme}"),
    "5.4": ("la délégation d'attributions du Conseil municipal au Maire",
            "les délégations de fonctions consenties aux adjoints au Maire",
            "la délégation de fonctions à {personne}, conseiller municipal délégué"),
    "5.5": ("la délégation de signature à {personne}, {fonction_agent}",
            "la délégation de signature en matière d'état civil",
            "la délégation de signature pour les bons de commande"),
    "5.6": ("les indemnités de fonction des élus", "le droit à la formation des élus municipaux",
            "la protection fonctionnelle accordée à {personne}, adjoint au Maire",
            "le remboursement des frais de mission des élus"),
    "5.7": ("le rapport d'activité de la Communauté d'Agglomération de Lens-Liévin",
            "la modification des statuts de {syndicat}",
            "l'adhésion de la commune à {syndicat}",
            "le rapport de la commission locale d'évaluation des charges transférées"),
    "5.8": ("l'action en justice devant le {juridiction} dans l'affaire opposant la commune à la société {societe}",
            "la défense des intérêts de la commune dans l'instance introduite par {personne}",
            "la constitution de partie civile de la commune dans la procédure relative à des dégradations de {equipement}"),
    "6.1": ("la réglementation de la circulation et du stationnement {rue_situe} à l'occasion de {evenement}",
            "l'interdiction de la consommation d'alcool sur la voie publique {secteur}",
            "la réglementation temporaire du stationnement pour des travaux {rue_situe}",
            "l'autorisation d'ouverture tardive du débit de boissons « {bar} »",
            "la fermeture administrative de {etablissement}",
            "la mise en sécurité de l'immeuble situé au {adresse}"),
    "6.2": ("la réglementation de la circulation sur la route départementale {rd} hors agglomération",
            "la limitation de vitesse sur la route départementale {rd}"),
    "6.3": ("les mesures de police applicables aux abords du lycée {personnalite}",
            "la réglementation de l'accès au parc régional de la Glissoire"),
    "6.4": ("le règlement intérieur de {equipement}", "les horaires d'ouverture des services municipaux",
            "le règlement du cimetière communal", "le règlement des marchés de plein air",
            "le règlement de la collecte des encombrants"),
    "6.5": ("l'organisation des bureaux de vote pour {election}", "la révision des listes électorales",
            "le recensement de la population de l'année {annee}", "la désignation des présidents des bureaux de vote"),
    "7.1": ("le budget primitif de l'exercice {annee}", "la décision modificative n° {petit} du budget {budget}",
            "le compte administratif de l'exercice {annee_prec}", "l'affectation du résultat de l'exercice {annee_prec}",
            "le débat d'orientation budgétaire pour l'exercice {annee_suiv}", "le compte financier unique de l'exercice {annee_prec}"),
    "7.2": ("la fixation des taux d'imposition des taxes directes locales pour {annee}",
            "la taxe locale sur la publicité extérieure", "l'exonération de taxe foncière des logements neufs",
            "la majoration de la taxe d'habitation sur les résidences secondaires"),
    "7.3": ("la souscription d'un emprunt de {montant} € auprès de {banque}",
            "la garantie d'emprunt accordée à {bailleur} pour la construction de {petit} logements {rue_situe}",
            "l'ouverture d'une ligne de trésorerie de {montant} €", "le réaménagement de la dette auprès de {banque}"),
    "7.4": ("l'aide à l'implantation de commerces en centre-ville", "le dispositif d'aide à la rénovation des façades commerciales",
            "l'exonération de droits de place pour les commerçants non sédentaires"),
    "7.5": ("l'attribution d'une subvention de {montant_sub} € à l'association « {association} »",
            "la demande de subvention auprès de {financeur} pour {operation}",
            "la répartition des subventions aux associations sportives pour l'année {annee}",
            "la subvention exceptionnelle à l'association « {association} »"),
    "7.6": ("la participation financière de la commune à {syndicat}",
            "la contribution au service départemental d'incendie et de secours pour l'année {annee}"),
    "7.7": ("le versement d'une avance sur subvention à l'association « {association} »",
            "l'avance de trésorerie consentie au centre communal d'action sociale"),
    "7.8": ("la demande de fonds de concours auprès de la Communauté d'Agglomération de Lens-Liévin pour {operation}",
            "le versement d'un fonds de concours pour {operation}"),
    "7.9": ("la prise de participation au capital de la société {sem}",
            "l'augmentation de capital de la société {sem}"),
    "7.10": ("les tarifs municipaux pour l'année {annee}", "l'admission en non-valeur de créances irrécouvrables",
             "la constitution d'une provision pour risques et charges", "la création d'une régie de recettes pour {regie}"),
    "8.1": ("la carte scolaire et la sectorisation des écoles", "les tarifs de la restauration scolaire pour l'année scolaire {annee}-{annee_suiv}",
            "la participation aux frais de fonctionnement des écoles privées sous contrat",
            "l'organisation du temps scolaire dans les écoles publiques"),
    "8.2": ("la convention avec le centre communal d'action sociale pour {social}",
            "l'aide exceptionnelle aux familles sinistrées {rue_situe}", "l'analyse des besoins sociaux"),
    "8.3": ("la dénomination de la voie nouvelle « allée {personnalite} »", "les travaux de réfection de la chaussée {rue_situe}",
            "l'alignement individuel {rue_situe}", "le programme annuel de réfection des trottoirs"),
    "8.4": ("la convention d'opération de revitalisation de territoire", "la concession d'aménagement du quartier {quartier}",
            "le programme « Petites villes de demain »"),
    "8.5": ("le contrat de ville pour la période {annee}-{annee_plus5}",
            "la convention d'abattement de taxe foncière sur les propriétés bâties avec {bailleur}",
            "le permis de louer dans le quartier {quartier}", "la garantie d'accès au logement des jeunes actifs"),
    "8.6": ("la convention avec la Mission locale de {ville}", "le chantier d'insertion {chantier}",
            "le forum de l'emploi et de la formation"),
    "8.7": ("la convention avec le syndicat mixte des transports Artois-Gohelle pour {transport}",
            "la navette gratuite de centre-ville", "le schéma directeur cyclable"),
    "8.8": ("le plan de gestion différenciée des espaces verts", "la lutte contre les dépôts sauvages",
            "le programme de plantation d'arbres dans le quartier {quartier}", "le plan climat-air-énergie territorial"),
    "8.9": ("la programmation culturelle de la saison {annee}-{annee_suiv}", "les tarifs de la médiathèque",
            "la convention avec {asso_culturelle}", "les tarifs du conservatoire de musique et de danse"),
    "9.1": ("la création d'un columbarium au cimetière {cimetiere}", "les conditions d'utilisation des salles municipales",
            "le jumelage avec la ville de {ville_etr}", "les concessions funéraires"),
    "9.2": ("la convention avec le Département du Pas-de-Calais pour {operation}",
            "la convention de gestion de la route départementale {rd} en traverse d'agglomération"),
    "9.3": ("la convention avec la Région Hauts-de-France pour {operation}",
            "le partenariat avec la Région Hauts-de-France pour la formation aux métiers du numérique"),
    "9.4": ("la motion relative au maintien des services publics de proximité", "le vœu pour la sauvegarde de {patrimoine}",
            "la motion de soutien aux salariés du site industriel de {ville}", "le vœu relatif à la desserte ferroviaire du Bassin minier"),
}

PROJETS = ("la construction d'une maison individuelle", "l'extension d'un bâtiment commercial", "la construction de {petit} logements collectifs",
           "la transformation d'un commerce en logement", "l'édification d'une véranda", "la construction d'un entrepôt logistique")
REGIES = ("les droits de place du marché", "la billetterie des spectacles", "les entrées de la piscine", "les photocopies",
          "la vente de composteurs")

# ---------------------------------------------------------------------------
# Visas, per level-1 matière and common

CODES = {
    "CGCT": "le Code général des collectivités territoriales",
    "CCP": "le Code de la commande publique",
    "CU": "le Code de l'urbanisme",
    "CR": "le Code de la route",
    "CGFP": "le Code général de la fonction publique",
    "CE": "le Code de l'environnement",
    "CG3P": "le Code général de la propriété des personnes publiques",
    "CCH": "le Code de la construction et de l'habitation",
    "CSP": "le Code de la santé publique",
    "CPAT": "le Code du patrimoine",
    "CEDUC": "le Code de l'éducation",
    "CSI": "le Code de la sécurité intérieure",
    "CRPA": "le Code des relations entre le public et l'administration",
    "CASF": "le Code de l'action sociale et des familles",
    "CVR": "le Code de la voirie routière",
    "CGI": "le Code général des impôts",
    "CJA": "le Code de justice administrative",
    "CELEC": "le Code électoral",
    "CCOM": "le Code de commerce",
    "CTRAV": "le Code du travail",
}
ARTICLES_CODES = {
    "CGCT": ("L.2121-29", "L.2122-21", "L.2122-22", "L.2122-23", "L.2131-1", "L.2131-2", "L.2212-1", "L.2212-2",
             "L.2213-1", "L.2213-2", "L.2213-6", "L.2241-1", "L.2311-1", "L.2312-1", "L.1612-12", "L.5211-39",
             "L.2122-18", "L.2123-20", "L.2121-21", "R.2131-1", "L.1111-10", "L.2251-3", "L.2252-1"),
    "CCP": ("L.2123-1", "R.2123-1", "R.2122-8", "L.2124-2", "R.2161-2", "R.2194-1", "R.2194-7", "L.2125-1",
            "R.2162-13", "L.3114-7", "R.2172-1", "L.2113-6"),
    "CU": ("L.153-36", "L.153-45", "L.210-1", "L.211-1", "L.213-3", "R.421-1", "L.421-1", "L.151-5", "R.423-1"),
    "CR": ("R.110-1", "R.110-2", "R.411-8", "R.411-25", "R.417-10", "R.325-12", "R.417-11"),
    "CGFP": ("L.332-23", "L.332-8", "L.313-1", "L.522-2", "L.714-4", "L.542-2", "L.411-1"),
    "CE": ("L.541-3", "L.110-1", "L.229-26", "R.541-76"),
    "CG3P": ("L.2111-1", "L.2122-1", "L.2125-1", "L.2141-1", "L.3211-14", "L.1111-1"),
    "CCH": ("L.511-1", "L.511-19", "L.634-1", "L.441-1"),
    "CSP": ("L.3341-1", "L.3332-15", "L.1311-2"),
    "CPAT": ("L.212-6", "L.621-9"),
    "CEDUC": ("L.212-7", "L.212-8", "L.442-5", "D.521-10"),
    "CSI": ("L.511-1", "L.512-4", "L.251-2"),
    "CRPA": ("L.211-2", "L.221-2", "L.242-1"),
    "CASF": ("L.123-4", "L.123-5", "R.123-1"),
    "CVR": ("L.112-1", "L.113-2", "L.141-3", "L.141-12"),
    "CGI": ("1639 A", "1407", "1383", "1388 bis", "1520"),
    "CJA": ("R.421-1", "R.421-5", "L.521-1"),
    "CELEC": ("L.16", "L.17", "R.42", "R.43"),
    "CCOM": ("L.145-1", "L.310-2"),
    "CTRAV": ("L.6211-1", "L.5134-110", "L.5132-15"),
}
CODES_PAR_MATIERE = {
    "1": ("CCP", "CGCT", "CRPA"),
    "2": ("CU", "CGCT", "CE"),
    "3": ("CG3P", "CGCT", "CVR", "CCOM"),
    "4": ("CGFP", "CGCT", "CTRAV"),
    "5": ("CGCT", "CELEC", "CJA"),
    "6": ("CGCT", "CR", "CSP", "CSI", "CCH", "CELEC"),
    "7": ("CGCT", "CGI"),
    "8": ("CGCT", "CEDUC", "CASF", "CVR", "CE", "CCH"),
    "9": ("CGCT", "CPAT"),
}
VISAS_CODE = (
    "Vu {code}, et notamment ses articles {art} et {art2},",
    "Vu {code}, et en particulier son article {art},",
    "Vu {code}, notamment l'article {art},",
    "Vu {code} et notamment ses articles {art} et suivants,",
)
VISAS_COMMUNS = (
    "Vu la loi n° 82-213 du 2 mars 1982 modifiée relative aux droits et libertés des communes, des départements et des régions,",
    "Vu la loi n° 2004-809 du 13 août 2004 relative aux libertés et responsabilités locales,",
    "Vu le procès-verbal d'installation du Conseil municipal en date du {date_installation},",
    "Vu le budget de l'exercice en cours,",
    "Vu l'avis favorable de la commission {commission} réunie le {date_avant},",
    "Vu l'avis du comité social territorial en date du {date_avant},",
    "Vu le rapport présenté par {elu},",
    "Vu les crédits inscrits au budget {budget},",
    "Vu la note explicative de synthèse adressée aux membres du Conseil municipal avec la convocation,",
)
VISAS_MATIERE = {
    "1": ("Vu le cahier des clauses administratives générales applicable aux marchés publics de {cat_marche},",
          "Vu le procès-verbal de la commission d'appel d'offres réunie le {date_avant},",
          "Vu le rapport d'analyse des offres établi par la direction de la commande publique le {date_avant},",
          "Vu l'avis d'appel public à la concurrence publié au Bulletin officiel des annonces des marchés publics le {date_avant2},",
          "Vu l'offre remise par la société {societe}, dont le siège social est situé {adresse_societe},"),
    "2": ("Vu le plan local d'urbanisme approuvé par délibération du Conseil municipal en date du {date_ancienne},",
          "Vu la déclaration d'intention d'aliéner reçue en mairie le {date_avant2}, adressée par Maître {personne}, notaire à {ville},",
          "Vu l'avis de l'architecte des bâtiments de France en date du {date_avant},",
          "Vu la demande déposée le {date_avant2} par {personne}, demeurant au {adresse},"),
    "3": ("Vu l'avis du service du Domaine en date du {date_avant2},",
          "Vu le plan de division établi par le cabinet de géomètres-experts {geometre},",
          "Vu la demande présentée par la société {societe} le {date_avant2},",
          "Vu l'état des lieux dressé contradictoirement le {date_avant},"),
    "4": ("Vu le tableau des emplois de la collectivité,",
          "Vu le décret n° 88-145 du 15 février 1988 relatif aux agents contractuels de la fonction publique territoriale,",
          "Vu le décret n° 2014-513 du 20 mai 2014 portant création d'un régime indemnitaire tenant compte des fonctions, des sujétions, de l'expertise et de l'engagement professionnel,",
          "Vu la déclaration de vacance d'emploi transmise au centre de gestion du Pas-de-Calais le {date_avant2},",
          "Vu l'avis de la commission administrative paritaire compétente en date du {date_avant},"),
    "5": ("Vu le procès-verbal de l'élection du Maire et des adjoints en date du {date_installation},",
          "Vu le règlement intérieur du Conseil municipal,",
          "Vu les statuts de {syndicat},",
          "Vu la requête enregistrée au greffe du {juridiction} le {date_avant2},"),
    "6": ("Vu l'arrêté interministériel du 24 novembre 1967 modifié relatif à la signalisation des routes et autoroutes,",
          "Vu l'instruction interministérielle sur la signalisation routière, livre I, huitième partie, signalisation temporaire,",
          "Vu la demande présentée par la société {societe}, chargée des travaux, en date du {date_avant},",
          "Vu la demande de l'organisateur de {evenement} en date du {date_avant2},",
          "Vu le rapport de la police municipale en date du {date_avant},",
          "Vu l'avis de la commission de sécurité en date du {date_avant},"),
    "7": ("Vu l'instruction budgétaire et comptable M57 applicable aux collectivités territoriales,",
          "Vu le débat d'orientation budgétaire qui s'est tenu le {date_avant2},",
          "Vu l'état des restes à réaliser arrêté au 31 décembre {annee_prec},",
          "Vu la proposition de financement de {banque} en date du {date_avant},",
          "Vu la demande de l'association « {association} » en date du {date_avant2},"),
    "8": ("Vu le projet éducatif de territoire,",
          "Vu le contrat de ville signé le {date_ancienne},",
          "Vu l'avis du conseil d'école en date du {date_avant},",
          "Vu la convention pluriannuelle du programme de renouvellement urbain,"),
    "9": ("Vu la charte de jumelage signée le {date_ancienne},",
          "Vu le règlement des cimetières communaux,",
          "Vu la demande présentée par {financeur},"),
}

# ---------------------------------------------------------------------------
# Considérants

CONSIDERANTS_COMMUNS = (
    "Considérant qu'il appartient à l'autorité territoriale de prendre les mesures nécessaires à la bonne marche des services,",
    "Considérant que les crédits nécessaires sont inscrits au budget de l'exercice {annee},",
    "Considérant l'intérêt que présente cette opération pour les habitants de la commune,",
    "Considérant qu'il y a lieu de préciser les modalités de mise en œuvre de ce dispositif,",
    "Considérant la nécessité d'assurer la continuité du service public,",
    "Considérant que le dossier présenté est complet et conforme à la réglementation en vigueur,",
    "Considérant qu'il convient de régulariser la situation à compter du {date_apres},",
)
CONSIDERANTS_MATIERE = {
    "1": ("Considérant qu'à l'issue de la procédure, l'offre de la société {societe} a été jugée économiquement la plus avantageuse au regard des critères de prix ({pct} %) et de valeur technique ({pct2} %),",
          "Considérant que le montant estimé des prestations est inférieur aux seuils de procédure formalisée,",
          "Considérant que les modifications envisagées ne changent pas la nature globale du marché et que leur montant n'excède pas 10 % du montant initial,",
          "Considérant que le titulaire a rencontré des difficultés d'approvisionnement indépendantes de sa volonté,"),
    "2": ("Considérant que le projet respecte les règles de hauteur et d'implantation fixées par le règlement de la zone {zone},",
          "Considérant que l'acquisition de ce bien permettrait la réalisation d'un projet d'aménagement d'intérêt général dans le quartier {quartier},",
          "Considérant que la modification envisagée ne porte pas atteinte aux orientations définies par le projet d'aménagement et de développement durables,"),
    "3": ("Considérant que ce bien n'est plus affecté à un service public ni à l'usage direct du public,",
          "Considérant que la valeur vénale du bien a été estimée à {montant} € par le service du Domaine,",
          "Considérant que l'occupation sollicitée est compatible avec l'affectation du domaine public,"),
    "4": ("Considérant qu'il est nécessaire de renforcer temporairement les effectifs du service {service_municipal},",
          "Considérant que l'intéressé(e) remplit les conditions statutaires pour être nommé(e) dans ce grade,",
          "Considérant la nécessité de valoriser l'engagement professionnel des agents,"),
    "5": ("Considérant qu'il y a lieu de pourvoir au remplacement d'un représentant de la commune,",
          "Considérant qu'il est de l'intérêt de la commune de défendre dans cette instance,",
          "Considérant qu'il convient, pour favoriser une bonne administration, de déléguer au Maire une partie des attributions du Conseil municipal,"),
    "6": ("Considérant qu'il importe, pour des raisons de sécurité, de réglementer la circulation et le stationnement pendant la durée de l'événement,",
          "Considérant que les consommations d'alcool sur la voie publique sont à l'origine de troubles répétés à la tranquillité publique,",
          "Considérant les nuisances sonores signalées à plusieurs reprises par les riverains,",
          "Considérant que l'exécution des travaux nécessite la neutralisation d'une partie de la chaussée,",
          "Considérant l'état de dégradation de l'immeuble, constaté par les services municipaux le {date_avant},"),
    "7": ("Considérant que le budget est présenté en équilibre en section de fonctionnement comme en section d'investissement,",
          "Considérant l'intérêt local de l'action menée par l'association au bénéfice des habitants,",
          "Considérant que les créances concernées n'ont pu être recouvrées malgré les diligences du comptable public,",
          "Considérant les conditions financières proposées, jugées les plus avantageuses,"),
    "8": ("Considérant l'évolution des effectifs scolaires constatée à la rentrée,",
          "Considérant les objectifs de mixité sociale et de renouvellement urbain fixés pour le quartier {quartier},",
          "Considérant la volonté de la municipalité de favoriser l'accès de tous à l'offre culturelle,"),
    "9": ("Considérant les liens d'amitié unissant les deux villes depuis de nombreuses années,",
          "Considérant l'attachement des habitants au patrimoine minier du territoire,"),
}

# ---------------------------------------------------------------------------
# Articles

ARTICLE_PRINCIPAL = {
    "decision": ("Il est décidé de procéder à {sujet}, dans les conditions définies par la présente décision.",
                 "D'approuver {sujet}, conformément au dossier annexé à la présente décision.",
                 "De signer tout document relatif à {sujet}.",
                 "La présente décision a pour objet {sujet}."),
    "arrete": ("Le présent arrêté a pour objet {sujet}.",
               "Il est procédé à {sujet}, selon les modalités fixées par les articles suivants.",
               "Les dispositions qui suivent fixent {sujet}."),
    "deliberation": ("D'approuver {sujet}, tel que présenté dans le rapport annexé à la présente délibération.",
                     "D'adopter {sujet}.",
                     "De valider {sujet} selon les modalités exposées ci-dessus."),
}
ARTICLES_MATIERE = {
    "1": ("Le marché est conclu avec la société {societe}, dont le siège social est situé {adresse_societe}, pour un montant de {montant} € HT, soit {montant_ttc} € TTC.",
          "Le marché est conclu pour une durée de {duree} à compter de sa notification. Il pourra être reconduit {petit} fois par période de douze mois, sans que sa durée totale puisse excéder quatre ans.",
          "Les prestations seront exécutées conformément au cahier des clauses techniques particulières et à l'offre du titulaire.",
          "Les prix sont révisables annuellement selon la formule de révision prévue au cahier des clauses administratives particulières."),
    "2": ("Le bien est situé en zone {zone} du plan local d'urbanisme. Le prix proposé s'élève à {montant} €, frais de négociation inclus.",
          "Le pétitionnaire devra respecter les prescriptions de l'avis de l'architecte des bâtiments de France annexé au présent acte.",
          "Le dossier est tenu à la disposition du public en mairie, aux heures habituelles d'ouverture, pendant une durée d'un mois."),
    "3": ("La cession est consentie moyennant le prix de {montant} €, conformément à l'avis du service du Domaine. Les frais d'acte seront à la charge de l'acquéreur.",
          "L'occupation est consentie à titre précaire et révocable, pour une durée de {duree}, moyennant une redevance annuelle de {montant} €.",
          "Maître {personne}, notaire à {ville}, est chargé de la rédaction de l'acte authentique."),
    "4": ("L'intéressé(e) percevra la rémunération afférente à l'indice brut {ib}, indice majoré {im}, ainsi que les primes et indemnités instituées par l'assemblée délibérante.",
          "L'emploi est créé à temps complet, à raison de 35 heures hebdomadaires, à compter du {date_apres}.",
          "Les agents concernés bénéficieront du régime indemnitaire dans les conditions fixées par la délibération en vigueur.",
          "Le présent acte sera notifié à l'intéressé(e) et une copie sera transmise au centre de gestion de la fonction publique territoriale du Pas-de-Calais."),
    "5": ("Sont désignés pour représenter la commune : {personne} en qualité de titulaire et {personne2} en qualité de suppléant.",
          "Le Maire est autorisé à ester en justice et à désigner Maître {personne}, avocat au barreau de {ville_barreau}, pour défendre les intérêts de la commune dans cette affaire.",
          "Les délégations consenties s'exercent dans la limite des crédits inscrits au budget."),
    "6": ("Du {date_apres} à {heure} au {date_apres2} à {heure2}, le stationnement de tout véhicule est interdit {rue_situe}, à l'exception des véhicules de secours et des véhicules de service.",
          "La circulation sera alternée et réglée manuellement ou par feux tricolores au droit du chantier. La vitesse sera limitée à 30 km/h.",
          "La consommation de boissons alcoolisées est interdite sur la voie publique {secteur}, tous les jours de {heure} à {heure2}, jusqu'au {date_apres2}.",
          "Tout véhicule en infraction aux dispositions du présent arrêté sera considéré comme gênant et pourra faire l'objet d'une mise en fourrière.",
          "La signalisation réglementaire sera mise en place et entretenue par les services municipaux pendant toute la durée de la manifestation.",
          "Les infractions aux dispositions de {acte} seront constatées par procès-verbal et poursuivies conformément aux lois et règlements en vigueur."),
    "7": ("La dépense correspondante, d'un montant de {montant} €, sera imputée au chapitre {chapitre}, article {nature_budg}, du budget {budget} de l'exercice {annee}.",
          "Les caractéristiques de l'emprunt sont les suivantes : montant de {montant} €, durée de {duree_emprunt} ans, taux fixe de {taux} %, échéances trimestrielles, amortissement constant.",
          "La recette correspondante sera inscrite au chapitre {chapitre} du budget {budget}.",
          "La subvention sera versée en une seule fois, sur présentation du bilan financier de l'action et du rapport d'activité de l'association."),
    "8": ("Les tarifs figurant dans le tableau ci-dessous sont applicables à compter du {date_apres}.",
          "La convention est conclue pour une durée de {duree} et pourra être renouvelée par avenant.",
          "Un comité de suivi réunissant les partenaires se réunira au moins une fois par an."),
    "9": ("Une délégation de la commune se rendra à {ville_etr} à l'occasion des cérémonies anniversaires du jumelage.",
          "Le prix des concessions funéraires est fixé conformément au tableau annexé."),
}
# Filler prescriptions: subject + obligation + action + circumstance.
SUJETS_PRESCRIPTION = (
    "Le titulaire", "L'occupant", "Le bénéficiaire", "Le pétitionnaire", "L'entreprise chargée des travaux", "Le prestataire",
    "L'organisateur", "Le permissionnaire", "Le locataire", "L'exploitant", "Le mandataire", "Le cocontractant",
    "Les services municipaux", "Le responsable de la manifestation", "L'association bénéficiaire",
)
OBLIGATIONS = ("est tenu de", "devra", "s'engage à", "a l'obligation de", "veillera à", "sera tenu de")
ACTIONS = (
    "mettre en place une signalisation conforme à la réglementation en vigueur",
    "assurer la remise en état des lieux à l'issue de l'intervention",
    "prendre toutes les dispositions nécessaires pour garantir la sécurité des usagers et des riverains",
    "informer les services municipaux de toute difficulté rencontrée dans l'exécution de ses obligations",
    "maintenir en permanence l'accès des véhicules de secours et de lutte contre l'incendie",
    "souscrire une police d'assurance couvrant sa responsabilité civile",
    "produire chaque année un compte rendu financier de l'utilisation des fonds",
    "respecter les horaires fixés pour l'exécution des prestations",
    "laisser libre accès aux agents de la commune chargés du contrôle",
    "tenir à la disposition de la collectivité l'ensemble des pièces justificatives",
    "assurer l'évacuation des déchets produits vers une filière agréée",
    "réparer à ses frais les dégradations causées au domaine public",
    "afficher le présent acte de manière visible sur le lieu de l'intervention",
    "préserver la tranquillité du voisinage, notamment en limitant les nuisances sonores",
    "communiquer tout changement dans la composition de ses instances dirigeantes",
    "faire figurer le logo de la collectivité sur l'ensemble des supports de communication",
    "respecter les prescriptions techniques de la direction des services techniques",
    "maintenir le cheminement des piétons en toute sécurité",
)
CIRCONSTANCES = (
    "pendant toute la durée de l'autorisation", "sous sa seule responsabilité", "dans un délai de {jours} jours à compter de la notification du présent acte",
    "conformément aux prescriptions du cahier des charges", "à la première demande de la collectivité", "dans les conditions fixées par la convention",
    "avant tout commencement d'exécution", "sans pouvoir prétendre à une quelconque indemnité", "à l'issue de chaque intervention",
    "dans le respect des règles d'hygiène et de sécurité", "et ce jusqu'au terme de la présente autorisation",
)
PHRASES_GENERALES = (
    "En cas de manquement à ces obligations, la collectivité se réserve le droit de mettre fin à l'autorisation, après mise en demeure restée sans effet pendant {jours} jours.",
    "Les dispositions du présent article s'appliquent sans préjudice des droits des tiers.",
    "Toute modification des conditions d'exécution devra faire l'objet d'un accord préalable et écrit de la collectivité.",
    "Un bilan de l'opération sera présenté à la commission compétente à l'issue de la première année de mise en œuvre.",
    "Les sommes dues seront recouvrées par l'émission d'un titre de recettes à l'encontre du débiteur.",
    "La collectivité ne pourra être tenue pour responsable des vols ou dégradations survenus pendant la durée de l'occupation.",
    "Les modalités pratiques seront précisées par une convention conclue entre les parties.",
    "Le montant est révisé chaque année au 1er janvier en fonction de l'évolution de l'indice de référence.",
    "Le non-respect de ces dispositions pourra entraîner le retrait de l'autorisation sans indemnité.",
    "Les frais correspondants sont à la charge exclusive du bénéficiaire.",
    "La présente disposition prend effet à compter de sa publication et de sa transmission au représentant de l'État.",
    "Ces mesures sont applicables de jour comme de nuit, y compris les dimanches et jours fériés.",
    "Un état des lieux contradictoire sera établi avant et après l'occupation.",
    "Les services municipaux sont chargés de veiller à la bonne application de ces dispositions.",
    "Le montant de {montant} € correspond au coût prévisionnel de l'opération, tel qu'il ressort de l'étude réalisée par les services.",
)
LISTES = {
    "pieces": ("le plan de situation", "le plan de masse des constructions", "le descriptif des travaux envisagés",
               "l'attestation d'assurance en cours de validité", "le bilan financier de l'exercice écoulé",
               "le rapport d'activité de l'association", "le relevé d'identité bancaire", "le calendrier prévisionnel d'exécution",
               "la notice de sécurité", "le budget prévisionnel de l'action", "les statuts à jour", "l'avis de la commission de sécurité"),
    "ampliation": ("Monsieur le Préfet du Pas-de-Calais", "Monsieur le Sous-Préfet de Lens", "Monsieur le Commissaire de police",
                   "Monsieur le Chef du centre de secours de Lens", "Madame la Directrice de la police municipale",
                   "Monsieur le Directeur des services techniques", "Monsieur le Comptable public", "l'intéressé(e)",
                   "Madame la Présidente du centre de gestion du Pas-de-Calais", "le syndicat mixte des transports Artois-Gohelle"),
    "engagements": ("respecter la charte d'occupation de l'espace public", "accueillir tous les publics sans discrimination",
                    "participer aux manifestations organisées par la Ville", "mettre en œuvre une politique tarifaire accessible",
                    "associer les habitants du quartier à la définition des actions", "transmettre ses comptes annuels approuvés"),
}
TARIFS = ("Repas enfant (quotient familial inférieur à 600 €)", "Repas enfant (quotient familial supérieur à 600 €)", "Repas adulte",
          "Location de salle – demi-journée", "Location de salle – journée", "Concession trentenaire (2 m²)", "Case de columbarium (15 ans)",
          "Droit de place – mètre linéaire", "Abonnement médiathèque – adulte", "Abonnement médiathèque – extérieur",
          "Cours individuel de musique – trimestre", "Entrée piscine – adulte", "Entrée piscine – enfant", "Photocopie A4")
ARTICLE_RECOURS = (
    "{Acte_cap} peut faire l'objet d'un recours contentieux devant le Tribunal administratif de {ta} dans un délai de deux mois à compter de sa publication ou de sa notification. Le tribunal administratif peut être saisi par l'application « Télérecours citoyens » accessible sur le site www.telerecours.fr.",
    "Dans un délai de deux mois à compter de sa publication, {acte} peut faire l'objet d'un recours gracieux auprès de l'autorité territoriale ou d'un recours contentieux devant le Tribunal administratif de {ta}.",
)
ARTICLE_EXECUTION = (
    "{fonction_agent} et le comptable public sont chargés, chacun en ce qui le concerne, de l'exécution de {acte}, qui sera publié(e) sur le site internet de la collectivité.",
    "{fonction_agent}, le Commissaire de police et la police municipale sont chargés, chacun pour ce qui le concerne, de l'exécution de {acte}.",
    "Ampliation de {acte} sera adressée à :",
)
COMMISSIONS = ("des finances", "de l'urbanisme et du cadre de vie", "des affaires scolaires et de la jeunesse", "des sports et de la vie associative",
               "de la culture", "des travaux", "de la solidarité", "du développement économique")
SERVICES_MUNICIPAUX = ("des espaces verts", "de la restauration scolaire", "de l'état civil", "des sports", "de la propreté urbaine",
                       "des bâtiments", "de l'enfance", "de la culture")
CATEGORIES_MARCHE = ("travaux", "fournitures courantes et services", "prestations intellectuelles", "techniques de l'information et de la communication")
ZONES = ("UA", "UB", "UC", "UD", "UE", "1AU", "2AU", "N", "UJ")
GEOMETRES = ("Delannoy & Associés", "Géo-Artois", "Cabinet Lemaire Topographie", "Geomexpert Nord")

# ---------------------------------------------------------------------------
# Exposé (délibérations) and procès-verbal

EXPOSE = (
    "Mesdames, Messieurs,",
    "Par délibération antérieure, le Conseil municipal a défini les orientations de la politique municipale en la matière. Il vous est proposé aujourd'hui d'en préciser les modalités de mise en œuvre.",
    "La commune s'est engagée depuis plusieurs années dans une démarche volontariste en faveur de l'amélioration du cadre de vie de ses habitants. {sujet_cap} s'inscrit pleinement dans cette démarche.",
    "Le coût prévisionnel de l'opération est estimé à {montant} € TTC. Le plan de financement prévoit une participation de {financeur} à hauteur de {pct} %.",
    "Ce dossier a été présenté à la commission {commission}, qui a émis un avis favorable lors de sa réunion du {date_avant}.",
    "Les services municipaux ont procédé à une analyse approfondie de la situation, dont les principales conclusions sont reprises dans la note annexée au présent rapport.",
    "Dans un contexte budgétaire contraint, la maîtrise des dépenses de fonctionnement demeure une priorité, sans remettre en cause la qualité du service rendu à la population.",
    "Cette démarche associe étroitement les habitants, les associations et les partenaires institutionnels du territoire.",
)
INTERVENANTS_VERBES = (
    "souligne l'importance de ce dossier pour les habitants du quartier {quartier}",
    "demande des précisions sur le calendrier de réalisation",
    "s'interroge sur le coût final de l'opération et sur la part restant à la charge de la commune",
    "indique que son groupe votera en faveur de ce projet",
    "regrette que la commission n'ait pas été saisie plus tôt",
    "rappelle les engagements pris lors du précédent mandat",
    "salue le travail des services municipaux dans la préparation de ce dossier",
    "propose qu'un point d'étape soit présenté au Conseil municipal d'ici la fin de l'année",
    "fait part de son inquiétude quant aux nuisances pendant la durée des travaux",
    "demande que les associations concernées soient associées au suivi du dispositif",
)
REPONSES = (
    "Le Maire précise que le calendrier sera communiqué aux membres de la commission compétente dès sa validation.",
    "Le Maire rappelle que l'opération bénéficie d'un financement important de ses partenaires.",
    "L'adjoint rapporteur indique que les riverains seront informés par courrier avant le démarrage des travaux.",
    "Le Maire répond que le bilan du dispositif sera présenté lors d'une prochaine séance.",
    "Le Maire remercie les intervenants et propose de passer au vote.",
)

EXPOSE_SUITE = (
    "Le diagnostic réalisé en {annee_prec} a mis en évidence des besoins importants, notamment dans le quartier {quartier}.",
    "Les échanges conduits avec les partenaires ont permis de stabiliser un projet partagé, dont les grandes lignes vous sont présentées ci-après.",
    "Le coût de fonctionnement annuel induit est évalué à {montant} €, financé par redéploiement de crédits existants.",
    "Une première phase de concertation a réuni les habitants et les associations au cours du premier semestre.",
    "Le dispositif proposé tient compte des observations formulées par la commission {commission}.",
    "Il est rappelé que la commune conserve la maîtrise des orientations et des choix de mise en œuvre.",
    "La mise en œuvre fera l'objet d'un suivi régulier par la direction {service_municipal}, qui en rendra compte chaque année.",
    "Le calendrier prévisionnel prévoit un démarrage des actions au {date_apres} et un premier bilan à l'issue de l'exercice {annee}.",
    "Ce projet contribue aux objectifs de transition écologique et de cohésion sociale inscrits dans le projet de mandat.",
    "Les crédits correspondants sont inscrits au budget {budget}, chapitre {chapitre}, article {nature_budg}.",
    "Le montant total de l'opération s'élève à {montant} € hors taxes, dont {montant} € au titre des études préalables.",
    "La participation sollicitée auprès de {financeur} représente {pct} % du montant éligible.",
)
DISPOSITIF_ITEMS = (
    "d'autoriser le Maire ou son représentant à solliciter toute subvention auprès de {financeur}",
    "de dire que les crédits nécessaires sont inscrits au budget {budget} de l'exercice {annee}",
    "de charger le Maire de l'exécution de la présente délibération",
    "d'approuver les termes de la convention annexée",
    "de prendre acte de la communication du rapport",
    "de fixer la date d'effet au {date_apres}",
    "d'autoriser le Maire à signer les avenants éventuels n'entraînant pas d'augmentation de la dépense",
)
