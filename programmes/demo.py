"""Programmes, calls and training modules, each in the language of its seed.

ICP AGIR and its 2021 call: English. IUC and its 2017 call: Polish. IURC: Greek. The Smart
Cities Marketplace, its Small Giants focus group and the SMCNetZero modules: Catalan.
Dates, countries and names are the programmes' own; the sentences are ours.
"""

from datetime import date

from base.demo import heading, in_all_languages, paragraph
from base.demo.text import Rich, Text, resolve, same
from base.models import WorldRegion
from programmes import factories as programme_factories
from programmes.factories import at
from programmes.models import ProgrammePhase, TrainingModulePage

Phase = ProgrammePhase.Kind

ICP_AGIR_URL = "https://www.iurc.eu/2021/10/27/new-international-collaboration-opportunities/"

ICP_AGIR = {
    "title": Text(
        "ICP AGIR – International City Partnerships",
        "ICP AGIR – Associacions Internacionals de Ciutats",
        "ICP AGIR – Międzynarodowe Partnerstwa Miast",
        "ICP AGIR – Διεθνείς Συνεργασίες Πόλεων",
    ),
    "slug": same("icp-agir"),
    "short_name": same("ICP AGIR"),
    "full_name": Text(
        "International City Partnerships: Acting for Green and Inclusive Recovery",
        "Associacions Internacionals de Ciutats: actuar per una recuperació verda i inclusiva",
        "Międzynarodowe Partnerstwa Miast: działania na rzecz zielonej odbudowy sprzyjającej włączeniu społecznemu",
        "Διεθνείς Συνεργασίες Πόλεων: Δράση για μια Πράσινη Ανάκαμψη χωρίς Αποκλεισμούς",
    ),
    "introduction": Text(
        "An EU programme that pairs European cities with cities in Canada, South Africa and Asia to work "
        "on a green and inclusive recovery. Managed by DG REGIO, it runs from October 2021 to March 2023 "
        "and grew out of a European Parliament pilot project.",
        "Un programa de la UE que aparella ciutats europees amb ciutats del Canadà, Sud-àfrica i Àsia per "
        "treballar per una recuperació verda i inclusiva. Gestionat per la DG REGIO, va de l'octubre de "
        "2021 al març de 2023 i neix d'un projecte pilot del Parlament Europeu.",
        "Program UE, który łączy w pary miasta europejskie z miastami w Kanadzie, RPA i Azji, by wspólnie "
        "pracowały na rzecz zielonej odbudowy sprzyjającej włączeniu społecznemu. Zarządza nim DG REGIO; "
        "trwa od października 2021 r. do marca 2023 r. i wyrósł z projektu pilotażowego Parlamentu "
        "Europejskiego.",
        "Πρόγραμμα της ΕΕ που συνδέει ευρωπαϊκές πόλεις με πόλεις του Καναδά, της Νότιας Αφρικής και της "
        "Ασίας, ώστε να εργαστούν για μια πράσινη ανάκαμψη χωρίς αποκλεισμούς. Το διαχειρίζεται η ΓΔ REGIO, "
        "διαρκεί από τον Οκτώβριο του 2021 έως τον Μάρτιο του 2023 και προέρχεται από πιλοτικό έργο του "
        "Ευρωπαϊκού Κοινοβουλίου.",
    ),
    "objectives": Rich(
        "<ul><li>Improve the quality of life in the participating cities through sustainable, integrated "
        "urban development.</li>"
        "<li>Find innovative urban policies and programmes and share them between cities.</li>"
        "<li>Learn from concrete examples: good practices and lessons passed from one city to another.</li>"
        "<li>Support business cooperation and local economic development, including low-carbon "
        "development.</li></ul>",
        "<ul><li>Millorar la qualitat de vida de les ciutats participants amb un desenvolupament urbà "
        "sostenible i integrat.</li>"
        "<li>Identificar polítiques i programes urbans innovadors i compartir-los entre ciutats.</li>"
        "<li>Aprendre d'exemples concrets: bones pràctiques i lliçons que passen d'una ciutat a una altra.</li>"
        "<li>Afavorir la cooperació empresarial i el desenvolupament econòmic local, inclòs el de baixes "
        "emissions de carboni.</li></ul>",
        "<ul><li>Poprawa jakości życia w miastach uczestniczących dzięki zrównoważonemu, zintegrowanemu "
        "rozwojowi miejskiemu.</li>"
        "<li>Wyszukiwanie innowacyjnych polityk i programów miejskich oraz dzielenie się nimi między "
        "miastami.</li>"
        "<li>Uczenie się na konkretnych przykładach: dobre praktyki i wnioski przekazywane z miasta do "
        "miasta.</li>"
        "<li>Wspieranie współpracy biznesowej i lokalnego rozwoju gospodarczego, w tym rozwoju "
        "niskoemisyjnego.</li></ul>",
        "<ul><li>Βελτίωση της ποιότητας ζωής στις πόλεις που συμμετέχουν μέσω βιώσιμης και ολοκληρωμένης "
        "αστικής ανάπτυξης.</li>"
        "<li>Εντοπισμός καινοτόμων αστικών πολιτικών και προγραμμάτων και ανταλλαγή τους μεταξύ πόλεων.</li>"
        "<li>Μάθηση από συγκεκριμένα παραδείγματα: καλές πρακτικές και διδάγματα που περνούν από πόλη σε "
        "πόλη.</li>"
        "<li>Στήριξη της επιχειρηματικής συνεργασίας και της τοπικής οικονομικής ανάπτυξης, μεταξύ άλλων "
        "με χαμηλές εκπομπές άνθρακα.</li></ul>",
    ),
    "body": [
        heading(Text("Who takes part", "Qui hi participa", "Kto uczestniczy", "Ποιος συμμετέχει")),
        paragraph(
            Rich(
                "<p>Local authorities from the EU and from six partner countries and territories: four "
                "cities in Canada, four in South Africa, Singapore, Hong Kong, two cities in South Korea "
                "and two in Taiwan. Fourteen cities from different EU Member States are selected to work "
                "with them.</p>",
                "<p>Autoritats locals de la UE i de sis països i territoris socis: quatre ciutats del "
                "Canadà, quatre de Sud-àfrica, Singapur, Hong Kong, dues ciutats de Corea del Sud i dues "
                "de Taiwan. Per treballar amb elles se seleccionen catorze ciutats de diferents estats "
                "membres de la UE.</p>",
                "<p>Władze lokalne z UE oraz z sześciu krajów i terytoriów partnerskich: cztery miasta z "
                "Kanady, cztery z RPA, Singapur, Hongkong, dwa miasta z Korei Południowej i dwa z Tajwanu. "
                "Do współpracy z nimi wybiera się czternaście miast z różnych państw członkowskich UE.</p>",
                "<p>Τοπικές αρχές από την ΕΕ και από έξι χώρες και εδάφη εταίρους: τέσσερις πόλεις του "
                "Καναδά, τέσσερις της Νότιας Αφρικής, η Σιγκαπούρη, το Χονγκ Κονγκ, δύο πόλεις της Νότιας "
                "Κορέας και δύο της Ταϊβάν. Για να συνεργαστούν μαζί τους επιλέγονται δεκατέσσερις πόλεις "
                "από διάφορα κράτη μέλη της ΕΕ.</p>",
            )
        ),
        heading(
            Text(
                "How the cooperation works",
                "Com funciona la cooperació",
                "Jak przebiega współpraca",
                "Πώς λειτουργεί η συνεργασία",
            )
        ),
        paragraph(
            Rich(
                "<p>Cities are grouped in thematic clusters and each is paired with a city on another "
                "continent. Working meetings and study visits take place inside and outside the EU, and an "
                "online cooperation platform keeps the exchange going in between.</p>"
                "<p>Each city has a pairing manager who runs its online meetings and guides it through its "
                "cooperation plan. Cluster meetings turn into open online events where guest speakers and "
                "European experts share what they know.</p>"
                "<p>The cities choose where to act with the project team, in coordination with DG REGIO, the "
                "EU Delegations and offices in the partner countries and, where relevant, national "
                "authorities. Companies, public and private agencies, universities and research centres "
                "are involved wherever possible.</p>",
                "<p>Les ciutats s'agrupen en clústers temàtics i cadascuna s'aparella amb una ciutat d'un "
                "altre continent. Hi ha trobades de treball i visites d'estudi dins i fora de la UE, i una "
                "plataforma de cooperació en línia manté l'intercanvi entre una trobada i l'altra.</p>"
                "<p>Cada ciutat té una persona gestora de l'aparellament que dirigeix les reunions en línia "
                "i l'acompanya en la preparació del pla de cooperació. Les reunions de clúster es converteixen "
                "en actes oberts en línia on ponents convidats i experts europeus comparteixen el que saben.</p>"
                "<p>Les ciutats decideixen on actuar amb l'equip del projecte, en coordinació amb la DG REGIO, "
                "les delegacions i oficines de la UE als països socis i, si cal, les autoritats nacionals. "
                "Sempre que és possible hi participen empreses, agències públiques i privades, universitats "
                "i centres de recerca.</p>",
                "<p>Miasta łączy się w klastry tematyczne, a każde z nich otrzymuje partnera z innego "
                "kontynentu. Spotkania robocze i wizyty studyjne odbywają się w UE i poza nią, a między nimi "
                "wymianę podtrzymuje internetowa platforma współpracy.</p>"
                "<p>Każde miasto ma opiekuna pary, który prowadzi spotkania online i pomaga przygotować plan "
                "współpracy. Spotkania klastrów stają się otwartymi wydarzeniami online, na których "
                "zaproszeni prelegenci i eksperci z Europy dzielą się wiedzą.</p>"
                "<p>Miasta wybierają obszary działania razem z zespołem projektu, w porozumieniu z DG REGIO, "
                "delegaturami i biurami UE w krajach partnerskich oraz, w razie potrzeby, z władzami "
                "krajowymi. Tam, gdzie to możliwe, włącza się firmy, agencje publiczne i prywatne, uczelnie "
                "i ośrodki badawcze.</p>",
                "<p>Οι πόλεις οργανώνονται σε θεματικές ομάδες και η καθεμία σχηματίζει ζεύγος με μια πόλη "
                "άλλης ηπείρου. Συναντήσεις εργασίας και επισκέψεις μελέτης γίνονται εντός και εκτός ΕΕ, ενώ "
                "στο μεσοδιάστημα η ανταλλαγή συνεχίζεται σε μια διαδικτυακή πλατφόρμα συνεργασίας.</p>"
                "<p>Κάθε πόλη έχει έναν υπεύθυνο ζεύγους που οργανώνει τις διαδικτυακές συναντήσεις και την "
                "καθοδηγεί στο σχέδιο συνεργασίας. Οι συναντήσεις των ομάδων γίνονται ανοιχτές διαδικτυακές "
                "εκδηλώσεις, όπου προσκεκλημένοι ομιλητές και Ευρωπαίοι εμπειρογνώμονες μοιράζονται τις "
                "γνώσεις τους.</p>"
                "<p>Οι πόλεις επιλέγουν πού θα παρέμβουν μαζί με την ομάδα του έργου, σε συντονισμό με τη ΓΔ "
                "REGIO, τις αντιπροσωπείες και τα γραφεία της ΕΕ στις χώρες εταίρους και, όπου χρειάζεται, "
                "τις εθνικές αρχές. Όπου είναι δυνατόν συμμετέχουν επιχειρήσεις, δημόσιοι και ιδιωτικοί "
                "φορείς, πανεπιστήμια και ερευνητικά κέντρα.</p>",
            )
        ),
        heading(
            Text(
                "Cities that took part",
                "Ciutats que hi van participar",
                "Miasta, które wzięły udział",
                "Πόλεις που συμμετείχαν",
            )
        ),
        paragraph(
            Rich(
                "<p>At the online kick-offs of February and March 2022, Athens, Berlin, Braga, Frankfurt am "
                "Main, Fuenlabrada, Hamburg, Milan, Parma, the Greater Porto Region, Prato, "
                "Saint-Germain-en-Laye, Stara Zagora and Utrecht started working with Singapore, Gwangju, "
                "Incheon, Taichung, Taoyuan, Cape Town, eThekwini, Johannesburg, Tshwane, Halifax, "
                "St. John's and Toronto.</p>",
                "<p>En les sessions inicials en línia del febrer i el març de 2022, Atenes, Berlín, Braga, "
                "Frankfurt del Main, Fuenlabrada, Hamburg, Milà, Parma, la regió del Gran Porto, Prato, "
                "Saint-Germain-en-Laye, Stara Zagora i Utrecht van començar a treballar amb Singapur, "
                "Gwangju, Incheon, Taichung, Taoyuan, Ciutat del Cap, eThekwini, Johannesburg, Tshwane, "
                "Halifax, St. John's i Toronto.</p>",
                "<p>Podczas internetowych spotkań inauguracyjnych w lutym i marcu 2022 r. Ateny, Berlin, "
                "Braga, Frankfurt nad Menem, Fuenlabrada, Hamburg, Mediolan, Parma, region Wielkiego Porto, "
                "Prato, Saint-Germain-en-Laye, Stara Zagora i Utrecht rozpoczęły współpracę z Singapurem, "
                "Gwangju, Inczonem, Tajczungiem, Taoyuanem, Kapsztadem, eThekwini, Johannesburgiem, "
                "Tshwane, Halifaksem, St. John's i Toronto.</p>",
                "<p>Στις διαδικτυακές εναρκτήριες συναντήσεις του Φεβρουαρίου και του Μαρτίου 2022, η "
                "Αθήνα, το Βερολίνο, η Μπράγκα, η Φρανκφούρτη, η Φουενλαμπράδα, το Αμβούργο, το Μιλάνο, η "
                "Πάρμα, η περιοχή του Ευρύτερου Πόρτο, το Πράτο, το Σεν Ζερμέν αν Λε, η Στάρα Ζαγόρα και η "
                "Ουτρέχτη άρχισαν να συνεργάζονται με τη Σιγκαπούρη, το Γκουάνγκτζου, το Ίντσον, το "
                "Ταϊτσούνγκ, το Ταογιουάν, το Κέιπ Τάουν, το Ετεκουίνι, το Γιοχάνεσμπουργκ, το Τσουάνε, το "
                "Χάλιφαξ, το Σεντ Τζονς και το Τορόντο.</p>",
            )
        ),
    ],
    "phases": [
        {
            "kind": Phase.SELECTION,
            "start_date": date(2021, 10, 1),
            "end_date": date(2021, 12, 31),
            "title": Text("Selection of cities", "Selecció de ciutats", "Wybór miast", "Επιλογή πόλεων"),
            "description": Text(
                "Cities in Canada, South Africa, Asia and the EU are selected and the online cooperation "
                "platform is designed.",
                "Se seleccionen les ciutats del Canadà, Sud-àfrica, Àsia i la UE i es dissenya la "
                "plataforma de cooperació en línia.",
                "Wybór miast z Kanady, RPA, Azji i UE oraz zaprojektowanie internetowej platformy współpracy.",
                "Επιλέγονται οι πόλεις από τον Καναδά, τη Νότια Αφρική, την Ασία και την ΕΕ και σχεδιάζεται "
                "η διαδικτυακή πλατφόρμα συνεργασίας.",
            ),
        },
        {
            "kind": Phase.ONLINE,
            "start_date": date(2022, 1, 1),
            "end_date": date(2022, 3, 31),
            "title": Text(
                "Thematic clusters and city pairs",
                "Clústers temàtics i parelles de ciutats",
                "Klastry tematyczne i pary miast",
                "Θεματικές ομάδες και ζεύγη πόλεων",
            ),
            "description": Text(
                "The selected cities meet online, form thematic clusters, set their priorities and get to "
                "know their paired city.",
                "Les ciutats seleccionades es reuneixen en línia, formen clústers temàtics, fixen les seves "
                "prioritats i coneixen la ciutat amb què s'aparellen.",
                "Wybrane miasta spotykają się online, tworzą klastry tematyczne, ustalają priorytety i "
                "poznają miasto partnerskie.",
                "Οι πόλεις που επιλέχθηκαν συναντιούνται διαδικτυακά, σχηματίζουν θεματικές ομάδες, ορίζουν "
                "τις προτεραιότητές τους και γνωρίζουν την πόλη-ζεύγος τους.",
            ),
        },
        {
            "kind": Phase.MEETING,
            "start_date": date(2022, 4, 1),
            "end_date": date(2022, 4, 30),
            "title": Text(
                "First working meeting and study visit, outside the EU",
                "Primera trobada de treball i visita d'estudi, fora de la UE",
                "Pierwsze spotkanie robocze i wizyta studyjna poza UE",
                "Πρώτη συνάντηση εργασίας και επίσκεψη μελέτης, εκτός ΕΕ",
            ),
            "description": Text(
                "Six days in a partner city to agree a common way of working and to explain what the "
                "programme expects of participants.",
                "Sis dies en una ciutat sòcia per acordar una manera comuna de treballar i explicar què "
                "espera el programa dels participants.",
                "Sześć dni w mieście partnerskim, by uzgodnić wspólny sposób pracy i wyjaśnić, czego "
                "program oczekuje od uczestników.",
                "Έξι ημέρες σε μια πόλη-εταίρο για να συμφωνηθεί κοινός τρόπος εργασίας και να εξηγηθεί "
                "τι περιμένει το πρόγραμμα από τους συμμετέχοντες.",
            ),
        },
        {
            "kind": Phase.ONLINE,
            "start_date": date(2022, 5, 1),
            "end_date": date(2022, 12, 31),
            "title": Text(
                "Online cooperation", "Cooperació en línia", "Współpraca online", "Διαδικτυακή συνεργασία"
            ),
            "description": Text(
                "Pair and cluster meetings continue on the cooperation platform; cluster meetings open up "
                "to guest speakers.",
                "Les reunions de parella i de clúster continuen a la plataforma de cooperació; les de "
                "clúster s'obren a ponents convidats.",
                "Spotkania par i klastrów toczą się dalej na platformie współpracy; spotkania klastrów "
                "otwierają się na zaproszonych prelegentów.",
                "Οι συναντήσεις των ζευγών και των ομάδων συνεχίζονται στην πλατφόρμα συνεργασίας· οι "
                "συναντήσεις των ομάδων ανοίγουν σε προσκεκλημένους ομιλητές.",
            ),
        },
        {
            "kind": Phase.ACTION_PLAN,
            "start_date": date(2022, 5, 1),
            "end_date": date(2023, 2, 28),
            "title": Text(
                "Cooperation plans", "Plans de cooperació", "Plany współpracy", "Σχέδια συνεργασίας"
            ),
            "description": Text(
                "With their pairing managers, the cities prepare the plans through which they will apply "
                "what they have learned.",
                "Amb les persones gestores de l'aparellament, les ciutats preparen els plans amb què "
                "aplicaran el que han après.",
                "Z pomocą opiekunów par miasta przygotowują plany, dzięki którym wykorzystają zdobytą wiedzę.",
                "Με τη βοήθεια των υπευθύνων ζεύγους, οι πόλεις ετοιμάζουν τα σχέδια με τα οποία θα "
                "εφαρμόσουν όσα έμαθαν.",
            ),
        },
        {
            "kind": Phase.STUDY_VISIT,
            "start_date": date(2022, 10, 1),
            "end_date": date(2022, 10, 31),
            "title": Text(
                "Second working meeting and study visit, in Europe",
                "Segona trobada de treball i visita d'estudi, a Europa",
                "Drugie spotkanie robocze i wizyta studyjna w Europie",
                "Δεύτερη συνάντηση εργασίας και επίσκεψη μελέτης, στην Ευρώπη",
            ),
            "description": Text(
                "Six days of plenary and round-table sessions in an EU city on the progress made and on "
                "what makes a good practice transferable.",
                "Sis dies de sessions plenàries i taules rodones en una ciutat de la UE sobre els avenços i "
                "sobre què fa que una bona pràctica es pugui transferir.",
                "Sześć dni sesji plenarnych i okrągłych stołów w mieście UE o postępach i o tym, co sprawia, "
                "że dobrą praktykę da się przenieść gdzie indziej.",
                "Έξι ημέρες ολομελειών και στρογγυλών τραπεζών σε μια πόλη της ΕΕ για την πρόοδο που έγινε "
                "και για το τι κάνει μια καλή πρακτική μεταβιβάσιμη.",
            ),
        },
        {
            "kind": Phase.CONFERENCE,
            "start_date": date(2023, 2, 1),
            "end_date": date(2023, 2, 28),
            "title": Text(
                "Closing conference, outside the EU",
                "Conferència de cloenda, fora de la UE",
                "Konferencja zamykająca poza UE",
                "Καταληκτήριο συνέδριο, εκτός ΕΕ",
            ),
            "description": Text(
                "Cities present how they will spread the good practices at home, where others could adopt "
                "them and where they would need adapting.",
                "Les ciutats expliquen com difondran les bones pràctiques a casa seva, on les podrien "
                "adoptar altres i on caldria adaptar-les.",
                "Miasta przedstawiają, jak upowszechnią dobre praktyki u siebie, gdzie mogliby je przejąć "
                "inni i gdzie trzeba by je dostosować.",
                "Οι πόλεις παρουσιάζουν πώς θα διαδώσουν τις καλές πρακτικές στον τόπο τους, πού θα "
                "μπορούσαν να τις υιοθετήσουν άλλοι και πού θα χρειαζόταν προσαρμογή.",
            ),
        },
    ],
}
ICP_AGIR_FACTS = {
    "code": "icp-agir",
    "start_date": date(2021, 10, 1),
    "end_date": date(2023, 3, 31),
    "countries": ["CA", "ZA", "SG", "HK", "KR", "TW"],
    "regions": [WorldRegion.EUROPE, WorldRegion.NORTH_AMERICA, WorldRegion.AFRICA, WorldRegion.ASIA],
}
ICP_AGIR_THEMES = ["circular-economy", "air-quality", "energy-transition", "migrant-integration"]

ICP_AGIR_CALL = {
    "title": Text(
        "Call for cities 2021",
        "Convocatòria per a ciutats 2021",
        "Nabór miast 2021",
        "Πρόσκληση για πόλεις 2021",
    ),
    "slug": Text("call-2021", "convocatoria-2021", "nabor-2021", "prosklisi-2021"),
    "introduction": Text(
        "Cities interested in ICP AGIR applied with an online questionnaire until 15 November 2021.",
        "Les ciutats interessades en l'ICP AGIR podien presentar la candidatura amb un qüestionari en "
        "línia fins al 15 de novembre de 2021.",
        "Miasta zainteresowane programem ICP AGIR mogły się zgłaszać przez ankietę internetową do 15 "
        "listopada 2021 r.",
        "Οι πόλεις που ενδιαφέρονταν για το ICP AGIR υπέβαλλαν αίτηση με ηλεκτρονικό ερωτηματολόγιο έως τις "
        "15 Νοεμβρίου 2021.",
    ),
    "who_may_apply": Text(
        "Local authorities of cities in the EU Member States, Canada, South Africa, Singapore, Hong Kong, "
        "South Korea and Taiwan.",
        "Autoritats locals de ciutats dels estats membres de la UE, el Canadà, Sud-àfrica, Singapur, Hong "
        "Kong, Corea del Sud i Taiwan.",
        "Władze lokalne miast z państw członkowskich UE, Kanady, RPA, Singapuru, Hongkongu, Korei "
        "Południowej i Tajwanu.",
        "Τοπικές αρχές πόλεων των κρατών μελών της ΕΕ, του Καναδά, της Νότιας Αφρικής, της Σιγκαπούρης, του "
        "Χονγκ Κονγκ, της Νότιας Κορέας και της Ταϊβάν.",
    ),
    "eligibility": Rich(
        "<p>The programme planned to select:</p><ul><li>four cities in Canada;</li><li>four cities in South "
        "Africa;</li><li>Singapore and Hong Kong;</li><li>two cities in South Korea and two in Taiwan;</li>"
        "<li>fourteen cities from different EU Member States.</li></ul>",
        "<p>El programa preveia seleccionar:</p><ul><li>quatre ciutats del Canadà;</li><li>quatre ciutats "
        "de Sud-àfrica;</li><li>Singapur i Hong Kong;</li><li>dues ciutats de Corea del Sud i dues de "
        "Taiwan;</li><li>catorze ciutats de diferents estats membres de la UE.</li></ul>",
        "<p>Program przewidywał wybór:</p><ul><li>czterech miast z Kanady;</li><li>czterech miast z "
        "RPA;</li><li>Singapuru i Hongkongu;</li><li>dwóch miast z Korei Południowej i dwóch z "
        "Tajwanu;</li><li>czternastu miast z różnych państw członkowskich UE.</li></ul>",
        "<p>Το πρόγραμμα προέβλεπε την επιλογή:</p><ul><li>τεσσάρων πόλεων του Καναδά·</li><li>τεσσάρων "
        "πόλεων της Νότιας Αφρικής·</li><li>της Σιγκαπούρης και του Χονγκ Κονγκ·</li><li>δύο πόλεων της "
        "Νότιας Κορέας και δύο της Ταϊβάν·</li><li>δεκατεσσάρων πόλεων από διάφορα κράτη μέλη της ΕΕ.</li></ul>",
    ),
    "benefits": Rich(
        "<ul><li>A partner city on another continent that faces the same challenges.</li>"
        "<li>Two working meetings with six-day study visits, one outside the EU and one in Europe.</li>"
        "<li>A pairing manager who runs the online meetings and helps prepare the cooperation plan.</li>"
        "<li>Open online events with guest speakers and European experts.</li></ul>",
        "<ul><li>Una ciutat sòcia d'un altre continent que afronta els mateixos reptes.</li>"
        "<li>Dues trobades de treball amb visites d'estudi de sis dies, una fora de la UE i una a Europa.</li>"
        "<li>Una persona gestora de l'aparellament que dirigeix les reunions en línia i ajuda a preparar "
        "el pla de cooperació.</li>"
        "<li>Actes oberts en línia amb ponents convidats i experts europeus.</li></ul>",
        "<ul><li>Miasto partnerskie na innym kontynencie, które mierzy się z tymi samymi wyzwaniami.</li>"
        "<li>Dwa spotkania robocze z sześciodniowymi wizytami studyjnymi: jedno poza UE, drugie w Europie.</li>"
        "<li>Opiekun pary, który prowadzi spotkania online i pomaga przygotować plan współpracy.</li>"
        "<li>Otwarte wydarzenia online z zaproszonymi prelegentami i ekspertami z Europy.</li></ul>",
        "<ul><li>Μια πόλη-εταίρος σε άλλη ήπειρο που αντιμετωπίζει τις ίδιες προκλήσεις.</li>"
        "<li>Δύο συναντήσεις εργασίας με εξαήμερες επισκέψεις μελέτης, μία εκτός ΕΕ και μία στην Ευρώπη.</li>"
        "<li>Ένας υπεύθυνος ζεύγους που οργανώνει τις διαδικτυακές συναντήσεις και βοηθά στο σχέδιο "
        "συνεργασίας.</li>"
        "<li>Ανοιχτές διαδικτυακές εκδηλώσεις με προσκεκλημένους ομιλητές και Ευρωπαίους εμπειρογνώμονες.</li></ul>",
    ),
}
ICP_AGIR_CALL_FACTS = {
    "deadline": at(date(2021, 11, 15), 23, 59, "Europe/Brussels"),
    "timezone": "Europe/Brussels",
    "application_url": ICP_AGIR_URL,
}

IUC = {
    "title": Text(
        "International Urban Cooperation (IUC)",
        "Cooperació Urbana Internacional (IUC)",
        "Międzynarodowa Współpraca Miejska (IUC)",
        "Διεθνής Αστική Συνεργασία (IUC)",
    ),
    "slug": same("iuc"),
    "short_name": same("IUC"),
    "full_name": Text(
        "International Urban Cooperation",
        "Cooperació Urbana Internacional",
        "Międzynarodowa Współpraca Miejska",
        "Διεθνής Αστική Συνεργασία",
    ),
    "introduction": Text(
        "An EU programme that, from 2017 to 2020, paired cities in the European Union with cities in Latin "
        "America and the Caribbean, North America and Asia to work together on sustainable urban development.",
        "Un programa de la UE que, del 2017 al 2020, va aparellar ciutats de la Unió Europea amb ciutats "
        "d'Amèrica Llatina i el Carib, Amèrica del Nord i Àsia per treballar juntes en el desenvolupament "
        "urbà sostenible.",
        "Program UE, który w latach 2017–2020 łączył w pary miasta z Unii Europejskiej z miastami w "
        "Ameryce Łacińskiej i na Karaibach, w Ameryce Północnej i w Azji, aby wspólnie pracowały nad "
        "zrównoważonym rozwojem obszarów miejskich.",
        "Πρόγραμμα της ΕΕ που από το 2017 έως το 2020 συνέδεσε πόλεις της Ευρωπαϊκής Ένωσης με πόλεις της "
        "Λατινικής Αμερικής και της Καραϊβικής, της Βόρειας Αμερικής και της Ασίας, ώστε να εργαστούν μαζί "
        "για τη βιώσιμη αστική ανάπτυξη.",
    ),
    "objectives": Rich(
        "<ul><li>Link EU cities, especially those with more than 50,000 inhabitants, with cities in Latin "
        "America and the Caribbean, India, Japan, North America and Asia.</li>"
        "<li>Give local leaders the chance to join forces and see sustainable development from a new "
        "angle.</li>"
        "<li>Produce, in each pair, a local action plan for sustainable urban development in a chosen "
        "field.</li></ul>",
        "<ul><li>Connectar ciutats de la UE, sobretot les de més de 50.000 habitants, amb ciutats "
        "d'Amèrica Llatina i el Carib, l'Índia, el Japó, Amèrica del Nord i Àsia.</li>"
        "<li>Donar als líders locals l'ocasió d'unir forces i veure el desenvolupament sostenible des "
        "d'una nova perspectiva.</li>"
        "<li>Elaborar, en cada parella, un pla d'acció local de desenvolupament urbà sostenible en un "
        "àmbit triat.</li></ul>",
        "<ul><li>Nawiązanie współpracy między miastami UE, zwłaszcza liczącymi ponad 50 000 mieszkańców, a "
        "miastami w Ameryce Łacińskiej i na Karaibach, w Indiach, Japonii, Ameryce Północnej i Azji.</li>"
        "<li>Umożliwienie lokalnym liderom połączenia sił i spojrzenia na zrównoważony rozwój z nowej "
        "perspektywy.</li>"
        "<li>Opracowanie w każdej parze miast lokalnego planu działania na rzecz zrównoważonego rozwoju "
        "obszarów miejskich w wybranej dziedzinie.</li></ul>",
        "<ul><li>Σύνδεση πόλεων της ΕΕ, ιδίως όσων έχουν περισσότερους από 50.000 κατοίκους, με πόλεις "
        "της Λατινικής Αμερικής και της Καραϊβικής, της Ινδίας, της Ιαπωνίας, της Βόρειας Αμερικής και της "
        "Ασίας.</li>"
        "<li>Ευκαιρία για τους τοπικούς ηγέτες να ενώσουν τις δυνάμεις τους και να δουν τη βιώσιμη "
        "ανάπτυξη από νέα οπτική.</li>"
        "<li>Κατάρτιση, σε κάθε ζεύγος, ενός τοπικού σχεδίου δράσης για τη βιώσιμη αστική ανάπτυξη σε "
        "έναν τομέα της επιλογής του.</li></ul>",
    ),
    "body": [
        heading(
            Text(
                "How the cooperation works",
                "Com funciona la cooperació",
                "Jak przebiega współpraca",
                "Πώς λειτουργεί η συνεργασία",
            )
        ),
        paragraph(
            Rich(
                "<p>Each EU city is matched with a city outside the Union that faces similar challenges. "
                "Representatives of both take part in training and seminars, staff exchanges and study "
                "visits, and after at least 18 months of work they share a joint action plan.</p>",
                "<p>Cada ciutat de la UE s'aparella amb una ciutat de fora de la Unió que afronta reptes "
                "semblants. Representants de totes dues participen en formacions i seminaris, intercanvis de "
                "personal i visites d'estudi, i després d'almenys 18 mesos de feina tenen un pla d'acció "
                "comú.</p>",
                "<p>Miasto z UE otrzymuje partnera spoza Unii, który mierzy się z podobnymi wyzwaniami. "
                "Przedstawiciele obu miast biorą udział w szkoleniach i seminariach, wymianach pracowników i "
                "wizytach studyjnych, a po co najmniej 18 miesiącach pracy mają wspólny plan działania.</p>",
                "<p>Κάθε πόλη της ΕΕ σχηματίζει ζεύγος με μια πόλη εκτός Ένωσης που αντιμετωπίζει παρόμοιες "
                "προκλήσεις. Εκπρόσωποι και των δύο συμμετέχουν σε εκπαιδεύσεις και σεμινάρια, ανταλλαγές "
                "προσωπικού και επισκέψεις μελέτης, και μετά από τουλάχιστον 18 μήνες εργασίας έχουν ένα "
                "κοινό σχέδιο δράσης.</p>",
            )
        ),
        heading(Text("What came next", "Què va venir després", "Co było dalej", "Η συνέχεια")),
        paragraph(
            Rich(
                "<p>More than 200 cities and regions took part in IUC. Its second phase is International "
                "Urban and Regional Cooperation (IURC).</p>",
                "<p>Més de 200 ciutats i regions van participar en l'IUC. La seva segona fase és la "
                "Cooperació Urbana i Regional Internacional (IURC).</p>",
                "<p>W programie IUC wzięło udział ponad 200 miast i regionów. Jego drugą fazą jest "
                "Międzynarodowa Współpraca Miejska i Regionalna (IURC).</p>",
                "<p>Στο IUC συμμετείχαν περισσότερες από 200 πόλεις και περιφέρειες. Η δεύτερη φάση του είναι "
                "η Διεθνής Αστική και Περιφερειακή Συνεργασία (IURC).</p>",
            )
        ),
        heading(
            Text("Contact in Poland", "Contacte a Polònia", "Kontakt w Polsce", "Επικοινωνία στην Πολωνία")
        ),
        paragraph(
            Rich(
                "<p>Questions about the programme go to the IUC Coordination Unit (<a "
                'href="mailto:coordination-unit@iuc-europe.eu">coordination-unit@iuc-europe.eu</a>). In '
                "Poland, the URBACT National Point, the Association of Polish Cities and the Silesian "
                "Association of Municipalities and Districts also provide information.</p>",
                "<p>Els dubtes sobre el programa s'adrecen a la Unitat de coordinació de l'IUC (<a "
                'href="mailto:coordination-unit@iuc-europe.eu">coordination-unit@iuc-europe.eu</a>). A '
                "Polònia també informen el Punt Nacional URBACT, l'Associació de Ciutats Poloneses i "
                "l'Associació de Municipis i Districtes de Silèsia.</p>",
                "<p>Pytania o program można kierować do jednostki koordynującej IUC (<a "
                'href="mailto:coordination-unit@iuc-europe.eu">coordination-unit@iuc-europe.eu</a>). W '
                "Polsce informacji udzielają także Krajowy Punkt URBACT, Związek Miast Polskich i Śląski "
                "Związek Gmin i Powiatów.</p>",
                "<p>Για ερωτήσεις σχετικά με το πρόγραμμα, απευθυνθείτε στη Μονάδα συντονισμού του IUC (<a "
                'href="mailto:coordination-unit@iuc-europe.eu">coordination-unit@iuc-europe.eu</a>). Στην '
                "Πολωνία πληροφορίες δίνουν επίσης το Εθνικό Σημείο URBACT, η Ένωση Πολωνικών Πόλεων και η "
                "Ένωση Δήμων και Κομητειών της Σιλεσίας.</p>",
            )
        ),
    ],
}
IUC_FACTS = {
    "code": "iuc",
    "start_date": date(2017, 1, 1),
    "end_date": date(2020, 12, 31),
    "countries": ["AR", "BR", "CA", "CL", "CN", "CO", "IN", "JP", "MX", "PE", "US"],
    "regions": [WorldRegion.EUROPE, WorldRegion.LATIN_AMERICA, WorldRegion.NORTH_AMERICA, WorldRegion.ASIA],
    "min_population": 50_000,
}
IUC_THEMES = ["urban-planning"]

IUC_CALL = {
    "title": Text(
        "Call for EU cities 2017",
        "Convocatòria per a ciutats de la UE 2017",
        "Nabór miast UE 2017",
        "Πρόσκληση για πόλεις της ΕΕ 2017",
    ),
    "slug": Text("call-2017", "convocatoria-2017", "nabor-2017", "prosklisi-2017"),
    "introduction": Text(
        "Until 21 September 2017, EU cities could apply to be paired with a city in the Americas, India or Japan.",
        "Fins al 21 de setembre de 2017, les ciutats de la UE podien demanar que se les aparellés amb una "
        "ciutat d'Amèrica, l'Índia o el Japó.",
        "Do 21 września 2017 r. miasta z UE mogły zgłosić chęć współpracy z miastem w Ameryce, Indiach lub "
        "Japonii.",
        "Έως τις 21 Σεπτεμβρίου 2017, οι πόλεις της ΕΕ μπορούσαν να ζητήσουν να σχηματίσουν ζεύγος με μια "
        "πόλη της Αμερικής, της Ινδίας ή της Ιαπωνίας.",
    ),
    "who_may_apply": Text(
        "Cities in the Member States of the European Union, especially those with more than 50,000 inhabitants.",
        "Ciutats dels estats membres de la Unió Europea, sobretot les de més de 50.000 habitants.",
        "Miasta z państw członkowskich Unii Europejskiej, w szczególności liczące ponad 50 000 mieszkańców.",
        "Πόλεις των κρατών μελών της Ευρωπαϊκής Ένωσης, ιδίως όσες έχουν περισσότερους από 50.000 κατοίκους.",
    ),
    "eligibility": Rich(
        "<p>In this call, EU cities could choose a partner in one of ten countries:</p>"
        "<ul><li>North America: Canada, Mexico and the United States;</li>"
        "<li>Latin America: Argentina, Brazil, Chile, Colombia and Peru;</li>"
        "<li>Asia: India and Japan.</li></ul>"
        "<p>Cooperation with cities in China was covered by an earlier call.</p>",
        "<p>En aquesta convocatòria, les ciutats de la UE podien triar una ciutat sòcia en un d'aquests "
        "deu països:</p>"
        "<ul><li>Amèrica del Nord: el Canadà, Mèxic i els Estats Units;</li>"
        "<li>Amèrica Llatina: l'Argentina, el Brasil, Xile, Colòmbia i el Perú;</li>"
        "<li>Àsia: l'Índia i el Japó.</li></ul>"
        "<p>La cooperació amb ciutats de la Xina es va cobrir en una convocatòria anterior.</p>",
        "<p>W tym naborze miasta z UE mogły wybrać partnera w jednym z dziesięciu krajów:</p>"
        "<ul><li>w Ameryce Północnej: Kanada, Meksyk i Stany Zjednoczone;</li>"
        "<li>w Ameryce Łacińskiej: Argentyna, Brazylia, Chile, Kolumbia i Peru;</li>"
        "<li>w Azji: Indie i Japonia.</li></ul>"
        "<p>Współpraca z miastami w Chinach była przedmiotem wcześniejszego naboru.</p>",
        "<p>Σε αυτή την πρόσκληση, οι πόλεις της ΕΕ μπορούσαν να επιλέξουν εταίρο σε μία από δέκα χώρες:</p>"
        "<ul><li>Βόρεια Αμερική: Καναδάς, Μεξικό και Ηνωμένες Πολιτείες·</li>"
        "<li>Λατινική Αμερική: Αργεντινή, Βραζιλία, Χιλή, Κολομβία και Περού·</li>"
        "<li>Ασία: Ινδία και Ιαπωνία.</li></ul>"
        "<p>Η συνεργασία με πόλεις της Κίνας καλύφθηκε από προηγούμενη πρόσκληση.</p>",
    ),
    "benefits": Rich(
        "<ul><li><b>Commitment</b> – at least 18 months of cooperation with a partner abroad, built to "
        "outlast the programme.</li>"
        "<li><b>Learning</b> – new ways of tackling problems, a wider choice of good practice and help "
        "in finding innovative business models to finance local action.</li>"
        "<li><b>Sharing</b> – the city's own experience helps others solve similar problems.</li>"
        "<li><b>Exchange</b> – dialogue with cities in other parts of the world and with public and "
        "private stakeholders.</li>"
        "<li><b>Visibility</b> – a chance to show the city's best practice internationally.</li>"
        "<li><b>Implementation</b> – a local action plan for sustainable urban development in a chosen "
        "sector, prepared with the new partners.</li></ul>",
        "<ul><li><b>Compromís</b> – almenys 18 mesos de cooperació amb una ciutat sòcia estrangera, "
        "pensada per durar més enllà del programa.</li>"
        "<li><b>Aprenentatge</b> – noves maneres d'afrontar els problemes, més bones pràctiques on "
        "inspirar-se i ajuda per trobar models de negoci innovadors per finançar l'acció local.</li>"
        "<li><b>Compartir</b> – l'experiència pròpia de la ciutat ajuda altres ciutats a resoldre "
        "problemes semblants.</li>"
        "<li><b>Intercanvi</b> – diàleg amb ciutats d'altres parts del món i amb agents públics i privats.</li>"
        "<li><b>Visibilitat</b> – l'ocasió de mostrar internacionalment les millors pràctiques de la "
        "ciutat.</li>"
        "<li><b>Aplicació</b> – un pla d'acció local de desenvolupament urbà sostenible en un sector "
        "triat, preparat amb les noves ciutats sòcies.</li></ul>",
        "<ul><li><b>Zaangażowanie</b> – co najmniej 18 miesięcy współpracy z partnerem z zagranicy, "
        "na tyle trwałej, by przetrwała sam program.</li>"
        "<li><b>Nauka</b> – nowe sposoby radzenia sobie z problemami, szerszy wybór dobrych praktyk i "
        "pomoc w znalezieniu innowacyjnych modeli finansowania działań lokalnych.</li>"
        "<li><b>Dzielenie się</b> – doświadczenia miasta pomagają innym rozwiązywać podobne problemy.</li>"
        "<li><b>Wymiana</b> – dialog z miastami z innych regionów świata oraz z publicznymi i "
        "prywatnymi interesariuszami.</li>"
        "<li><b>Promocja</b> – okazja, by pokazać swoje najlepsze praktyki na forum międzynarodowym.</li>"
        "<li><b>Wdrożenie</b> – lokalny plan działania na rzecz zrównoważonego rozwoju miasta w "
        "wybranym sektorze, przygotowany razem z nowymi partnerami.</li></ul>",
        "<ul><li><b>Δέσμευση</b> – τουλάχιστον 18 μήνες συνεργασίας με εταίρο στο εξωτερικό, "
        "σχεδιασμένης να διαρκέσει και μετά το πρόγραμμα.</li>"
        "<li><b>Μάθηση</b> – νέοι τρόποι αντιμετώπισης προβλημάτων, περισσότερες καλές πρακτικές ως "
        "πρότυπα και βοήθεια για καινοτόμα επιχειρηματικά μοντέλα χρηματοδότησης τοπικών δράσεων.</li>"
        "<li><b>Μοίρασμα</b> – η εμπειρία της πόλης βοηθά άλλες να λύσουν παρόμοια προβλήματα.</li>"
        "<li><b>Ανταλλαγή</b> – διάλογος με πόλεις άλλων περιοχών του κόσμου και με δημόσιους και "
        "ιδιωτικούς φορείς.</li>"
        "<li><b>Προβολή</b> – ευκαιρία να παρουσιάσει η πόλη τις καλύτερες πρακτικές της διεθνώς.</li>"
        "<li><b>Εφαρμογή</b> – ένα τοπικό σχέδιο δράσης για βιώσιμη αστική ανάπτυξη σε έναν τομέα της "
        "επιλογής της, που καταρτίζεται με τους νέους εταίρους.</li></ul>",
    ),
}
IUC_CALL_FACTS = {
    "deadline": at(date(2017, 9, 21), 23, 59, "Europe/Brussels"),
    "timezone": "Europe/Brussels",
}

IURC = {
    "title": Text(
        "International Urban and Regional Cooperation (IURC)",
        "Cooperació Urbana i Regional Internacional (IURC)",
        "Międzynarodowa Współpraca Miejska i Regionalna (IURC)",
        "Διεθνής Αστική και Περιφερειακή Συνεργασία (IURC)",
    ),
    "slug": same("iurc"),
    "short_name": same("IURC"),
    "full_name": Text(
        "International Urban and Regional Cooperation",
        "Cooperació Urbana i Regional Internacional",
        "Międzynarodowa Współpraca Miejska i Regionalna",
        "Διεθνής Αστική και Περιφερειακή Συνεργασία",
    ),
    "introduction": Text(
        "The second phase of International Urban Cooperation (IUC): EU cities and regions work with "
        "partners in Asia, North America and Latin America on sustainable urban development and innovation.",
        "La segona fase de la Cooperació Urbana Internacional (IUC): ciutats i regions de la UE treballen "
        "amb socis d'Àsia, Amèrica del Nord i Amèrica Llatina en desenvolupament urbà sostenible i innovació.",
        "Druga faza Międzynarodowej Współpracy Miejskiej (IUC): miasta i regiony UE współpracują z "
        "partnerami w Azji, Ameryce Północnej i Ameryce Łacińskiej na rzecz zrównoważonego rozwoju "
        "miejskiego i innowacji.",
        "Η δεύτερη φάση του προγράμματος Διεθνούς Αστικής Συνεργασίας (IUC): πόλεις και περιφέρειες της "
        "ΕΕ συνεργάζονται με εταίρους στην Ασία, τη Βόρεια και τη Λατινική Αμερική για τη βιώσιμη αστική "
        "ανάπτυξη και την καινοτομία.",
    ),
    "objectives": Rich(
        "<ul><li>Continue decentralised international cooperation between cities and regions on "
        "sustainable urban development and innovation.</li>"
        "<li>Contribute to the New Urban Agenda, the 2030 Agenda and its Sustainable Development Goals, "
        "and the Urban Agenda for the EU.</li>"
        "<li>Support the aims of EU cohesion policy through city-to-city diplomacy and regions working "
        "together on shared challenges.</li></ul>",
        "<ul><li>Continuar la cooperació internacional descentralitzada entre ciutats i regions en "
        "desenvolupament urbà sostenible i innovació.</li>"
        "<li>Contribuir a la Nova Agenda Urbana, a l'Agenda 2030 i els seus Objectius de Desenvolupament "
        "Sostenible i a l'Agenda Urbana de la UE.</li>"
        "<li>Donar suport als objectius de la política de cohesió de la UE amb la diplomàcia entre "
        "ciutats i la col·laboració de les regions davant reptes comuns.</li></ul>",
        "<ul><li>Kontynuacja zdecentralizowanej współpracy międzynarodowej miast i regionów na rzecz "
        "zrównoważonego rozwoju miejskiego i innowacji.</li>"
        "<li>Wkład w Nową Agendę Miejską, Agendę 2030 i jej Cele Zrównoważonego Rozwoju oraz w Agendę "
        "Miejską UE.</li>"
        "<li>Wspieranie celów polityki spójności UE dzięki dyplomacji między miastami i współpracy "
        "regionów w obliczu wspólnych wyzwań.</li></ul>",
        "<ul><li>Συνέχιση της αποκεντρωμένης διεθνούς συνεργασίας πόλεων και περιφερειών για τη βιώσιμη "
        "αστική ανάπτυξη και την καινοτομία.</li>"
        "<li>Συμβολή στη Νέα Αστική Ατζέντα, στην Ατζέντα 2030 και στους Στόχους Βιώσιμης Ανάπτυξης, "
        "καθώς και στην Αστική Ατζέντα για την ΕΕ.</li>"
        "<li>Στήριξη των στόχων της πολιτικής συνοχής της ΕΕ μέσω της διπλωματίας από πόλη σε πόλη και "
        "της συνεργασίας των περιφερειών σε κοινές προκλήσεις.</li></ul>",
    ),
    "body": [
        heading(Text("From IUC to IURC", "De l'IUC a l'IURC", "Od IUC do IURC", "Από το IUC στο IURC")),
        paragraph(
            Rich(
                "<p>More than 200 cities and regions from the EU and around the world took part in the first "
                "phase, IUC (2017–2020). IURC builds on that experience and carries it on in partner countries "
                "and regions, in line with the external dimension of the Europe 2020 strategy.</p>",
                "<p>En la primera fase, l'IUC (2017–2020), hi van participar més de 200 ciutats i regions de "
                "la UE i de tot el món. L'IURC aprofita aquesta experiència i la continua en països i regions "
                "socis, d'acord amb la dimensió exterior de l'estratègia Europa 2020.</p>",
                "<p>W pierwszej fazie, IUC (2017–2020), wzięło udział ponad 200 miast i regionów z UE i z "
                "całego świata. IURC korzysta z tych doświadczeń i kontynuuje je w krajach i regionach "
                "partnerskich, zgodnie z wymiarem zewnętrznym strategii „Europa 2020”.</p>",
                "<p>Στην πρώτη φάση, το IUC (2017–2020), συμμετείχαν περισσότερες από 200 πόλεις και "
                "περιφέρειες από την ΕΕ και όλο τον κόσμο. Το IURC αξιοποιεί αυτή την εμπειρία και τη "
                "συνεχίζει σε χώρες και περιοχές εταίρους, σύμφωνα με την εξωτερική διάσταση της στρατηγικής "
                "«Ευρώπη 2020».</p>",
            )
        ),
        heading(Text("Who runs it", "Qui el porta", "Kto go prowadzi", "Ποιος το υλοποιεί")),
        paragraph(
            Rich(
                "<p>The programme is implemented jointly by the Service for Foreign Policy Instruments (FPI) "
                "and the Directorate-General for Regional and Urban Policy (DG REGIO) of the European "
                "Commission.</p>",
                "<p>El programa l'executen conjuntament el Servei d'Instruments de Política Exterior (FPI) i "
                "la Direcció General de Política Regional i Urbana (DG REGIO) de la Comissió Europea.</p>",
                "<p>Program realizują wspólnie Służba ds. Instrumentów Polityki Zagranicznej (FPI) i Dyrekcja "
                "Generalna ds. Polityki Regionalnej i Miejskiej (DG REGIO) Komisji Europejskiej.</p>",
                "<p>Το πρόγραμμα υλοποιείται από κοινού από την Υπηρεσία Μέσων Εξωτερικής Πολιτικής (FPI) και "
                "τη Γενική Διεύθυνση Περιφερειακής και Αστικής Πολιτικής (ΓΔ REGIO) της Ευρωπαϊκής "
                "Επιτροπής.</p>",
            )
        ),
    ],
}
IURC_FACTS = {
    "code": "iurc",
    "regions": [WorldRegion.EUROPE, WorldRegion.ASIA, WorldRegion.NORTH_AMERICA, WorldRegion.LATIN_AMERICA],
}
IURC_THEMES = ["nature-based-solutions", "blue-economy", "urban-planning"]

SMART_CITIES_MARKETPLACE = {
    "title": Text(
        "Smart Cities Marketplace",
        "Mercat de Ciutats Intel·ligents",
        "Smart Cities Marketplace",
        "Smart Cities Marketplace",
    ),
    "slug": Text(
        "smart-cities-marketplace",
        "mercat-de-ciutats-intelligents",
        "smart-cities-marketplace",
        "smart-cities-marketplace",
    ),
    "short_name": Text(
        "Smart Cities Marketplace",
        "Mercat de Ciutats Intel·ligents",
        "Smart Cities Marketplace",
        "Smart Cities Marketplace",
    ),
    "full_name": Text(
        "Smart Cities Marketplace",
        "Mercat de Ciutats Intel·ligents (Smart Cities Marketplace)",
        "Smart Cities Marketplace – rynek inteligentnych miast",
        "Smart Cities Marketplace – Αγορά Έξυπνων Πόλεων",
    ),
    "introduction": Text(
        "A European Commission initiative that brings cities together with industry, SMEs, investors and "
        "researchers so that smart-city projects become ready for financing.",
        "Una iniciativa de la Comissió Europea que posa en contacte ciutats, indústria, pimes, inversors i "
        "investigadors perquè els projectes de ciutat intel·ligent estiguin preparats per rebre finançament.",
        "Inicjatywa Komisji Europejskiej, która łączy miasta z przemysłem, MŚP, inwestorami i naukowcami, "
        "aby projekty inteligentnych miast były gotowe do pozyskania finansowania.",
        "Πρωτοβουλία της Ευρωπαϊκής Επιτροπής που φέρνει τις πόλεις σε επαφή με τη βιομηχανία, τις ΜμΕ, "
        "τους επενδυτές και τους ερευνητές, ώστε τα έργα έξυπνων πόλεων να είναι έτοιμα για χρηματοδότηση.",
    ),
    "objectives": Rich(
        "<ul><li>Help cities shape their business plan or funding request so that they can present their "
        "project to potential investors.</li>"
        "<li>Share European smart-city good practice so that each city finds the approach that suits it.</li>"
        "<li>Speed up the green transition of Europe's cities, improve residents' quality of life and make "
        "European cities and industry more competitive.</li>"
        "<li>Contribute to the EU's energy and climate goals.</li></ul>",
        "<ul><li>Ajudar les ciutats a preparar el pla de negoci o la sol·licitud de finançament perquè "
        "puguin presentar el projecte a inversors potencials.</li>"
        "<li>Donar a conèixer bones pràctiques europees de ciutat intel·ligent perquè cada ciutat trobi "
        "l'enfocament que li convé.</li>"
        "<li>Accelerar la transició verda de les ciutats europees, millorar la qualitat de vida dels seus "
        "habitants i fer més competitives les ciutats i la indústria europees.</li>"
        "<li>Contribuir als objectius europeus d'energia i clima.</li></ul>",
        "<ul><li>Pomoc miastom w przygotowaniu biznesplanu lub wniosku o finansowanie, tak by mogły "
        "przedstawić projekt potencjalnym inwestorom.</li>"
        "<li>Upowszechnianie europejskich dobrych praktyk inteligentnych miast, aby każde miasto znalazło "
        "podejście dla siebie.</li>"
        "<li>Przyspieszenie zielonej transformacji miast w Europie, poprawa jakości życia mieszkańców i "
        "konkurencyjności europejskich miast i przemysłu.</li>"
        "<li>Wkład w unijne cele energetyczne i klimatyczne.</li></ul>",
        "<ul><li>Βοήθεια στις πόλεις να διαμορφώσουν το επιχειρηματικό τους σχέδιο ή την αίτηση "
        "χρηματοδότησης, ώστε να παρουσιάσουν το έργο τους σε δυνητικούς επενδυτές.</li>"
        "<li>Διάδοση ευρωπαϊκών καλών πρακτικών έξυπνων πόλεων, ώστε κάθε πόλη να βρει την προσέγγιση "
        "που της ταιριάζει.</li>"
        "<li>Επιτάχυνση της πράσινης μετάβασης των ευρωπαϊκών πόλεων, βελτίωση της ποιότητας ζωής των "
        "κατοίκων και της ανταγωνιστικότητας των ευρωπαϊκών πόλεων και της βιομηχανίας.</li>"
        "<li>Συμβολή στους ενεργειακούς και κλιματικούς στόχους της ΕΕ.</li></ul>",
    ),
    "body": [
        heading(
            Text(
                "Discussion groups and focus groups",
                "Grups de discussió i grups focals",
                "Grupy dyskusyjne i grupy fokusowe",
                "Ομάδες συζήτησης και ομάδες εστίασης",
            )
        ),
        paragraph(
            Rich(
                "<p>The Marketplace has two spaces for peer exchange. In focus groups, members work on one "
                "concrete challenge of the move to smart cities and meet in person or online, in webinars and "
                "workshops. A focus group can be the starting point of a concrete project.</p>",
                "<p>El Marketplace té dos espais d'intercanvi entre iguals. En els grups focals, els membres "
                "treballen en un repte concret de la transició cap a la ciutat intel·ligent i es reuneixen "
                "presencialment o en línia, en seminaris web i tallers. Un grup focal pot ser el punt de "
                "partida d'un projecte concret.</p>",
                "<p>Marketplace ma dwie przestrzenie wymiany doświadczeń. W grupach fokusowych członkowie "
                "pracują nad jednym konkretnym wyzwaniem przemiany w inteligentne miasto i spotykają się na "
                "miejscu lub online, na webinariach i warsztatach. Grupa fokusowa może dać początek "
                "konkretnemu projektowi.</p>",
                "<p>Το Marketplace έχει δύο χώρους ανταλλαγής μεταξύ ομολόγων. Στις ομάδες εστίασης, τα μέλη "
                "εργάζονται πάνω σε μια συγκεκριμένη πρόκληση της μετάβασης στην έξυπνη πόλη και συναντιούνται "
                "δια ζώσης ή διαδικτυακά, σε διαδικτυακά σεμινάρια και εργαστήρια. Μια ομάδα εστίασης μπορεί να "
                "είναι η αφετηρία ενός συγκεκριμένου έργου.</p>",
            )
        ),
        heading(same("SMCNetZero")),
        paragraph(
            Rich(
                "<p>In the same context, the European Commission supports SMCNetZero under Horizon Europe. "
                "The project builds and strengthens local innovation ecosystems in small and medium-sized "
                "cities, and its training modules bring knowledge, tools and success stories suited to small "
                "cities on their way to net zero.</p>",
                "<p>En el mateix context, la Comissió Europea dona suport a SMCNetZero dins d'Horitzó Europa. "
                "El projecte crea i reforça ecosistemes locals d'innovació a les ciutats petites i mitjanes, i "
                "els seus mòduls de formació aporten coneixements, eines i casos d'èxit pensats per a les "
                "ciutats petites en el camí cap a zero emissions netes.</p>",
                "<p>W tym samym kontekście Komisja Europejska wspiera projekt SMCNetZero w ramach programu "
                "„Horyzont Europa”. Projekt tworzy i wzmacnia lokalne ekosystemy innowacji w małych i średnich "
                "miastach, a jego moduły szkoleniowe dają wiedzę, narzędzia i przykłady sukcesów dopasowane do "
                "małych miast na drodze do zerowej emisji netto.</p>",
                "<p>Στο ίδιο πλαίσιο, η Ευρωπαϊκή Επιτροπή στηρίζει το SMCNetZero μέσω του «Ορίζων Ευρώπη». "
                "Το έργο δημιουργεί και ενισχύει τοπικά οικοσυστήματα καινοτομίας σε μικρές και μεσαίες πόλεις "
                "και οι εκπαιδευτικές του ενότητες προσφέρουν γνώσεις, εργαλεία και επιτυχημένα παραδείγματα "
                "προσαρμοσμένα στις μικρές πόλεις στον δρόμο προς τις μηδενικές καθαρές εκπομπές.</p>",
            )
        ),
    ],
}
SMART_CITIES_MARKETPLACE_FACTS = {
    "code": "smart-cities-marketplace",
    "regions": [WorldRegion.EUROPE],
    "also_known_as": "SCM, SMC",  # "SMC" as in SMCNetZero
}
SMART_CITIES_MARKETPLACE_THEMES = ["smart-cities", "energy-transition", "net-zero"]

SMALL_GIANTS = {
    "title": Text(
        "Small Giants: a focus group for small cities",
        "Small Giants: un grup focal per a ciutats petites",
        "Small Giants: grupa fokusowa dla małych miast",
        "Small Giants: ομάδα εστίασης για μικρές πόλεις",
    ),
    "slug": same("small-giants"),
    "short_name": same("Small Giants"),
    "full_name": Text(
        "Small Giants focus group of the Smart Cities Marketplace",
        "Grup focal Small Giants del Mercat de Ciutats Intel·ligents",
        "Grupa fokusowa Small Giants w ramach Smart Cities Marketplace",
        "Ομάδα εστίασης Small Giants του Smart Cities Marketplace",
    ),
    "introduction": Text(
        "A focus group set up by the European Commission to develop replicable methods and solutions for "
        "the challenges of semi-urban areas, from the circular economy to mobility.",
        "Un grup focal creat per la Comissió Europea per desenvolupar mètodes i solucions replicables per "
        "als reptes de les zones semiurbanes, de l'economia circular a la mobilitat.",
        "Grupa fokusowa utworzona przez Komisję Europejską, by wypracować powtarzalne metody i rozwiązania "
        "dla wyzwań obszarów podmiejskich – od gospodarki o obiegu zamkniętym po mobilność.",
        "Ομάδα εστίασης που δημιούργησε η Ευρωπαϊκή Επιτροπή για να αναπτύξει μεθόδους και λύσεις, "
        "επαναλήψιμες αλλού, για τις προκλήσεις των ημιαστικών περιοχών, από την κυκλική οικονομία έως την "
        "κινητικότητα.",
    ),
    "objectives": Rich(
        "<ul><li>Develop replicable methods and solutions for semi-urban challenges.</li>"
        "<li>Work on topics of common interest, from the circular economy to the shift to sustainable "
        "mobility.</li>"
        "<li>Shape, with the Smart Cities Marketplace team, the content and direction of the work "
        "programme for the following 18 months.</li></ul>",
        "<ul><li>Desenvolupar mètodes i solucions replicables per als reptes semiurbans.</li>"
        "<li>Treballar temes d'interès comú, de l'economia circular a la transició cap a una mobilitat "
        "sostenible.</li>"
        "<li>Definir, amb l'equip del Mercat de Ciutats Intel·ligents, el contingut i l'orientació del "
        "programa de treball dels 18 mesos següents.</li></ul>",
        "<ul><li>Wypracowanie powtarzalnych metod i rozwiązań dla wyzwań obszarów podmiejskich.</li>"
        "<li>Praca nad tematami wspólnego zainteresowania, od gospodarki o obiegu zamkniętym po "
        "przejście na zrównoważoną mobilność.</li>"
        "<li>Ustalenie, razem z zespołem Smart Cities Marketplace, treści i kierunku programu prac na "
        "kolejne 18 miesięcy.</li></ul>",
        "<ul><li>Ανάπτυξη επαναλήψιμων μεθόδων και λύσεων για τις προκλήσεις των ημιαστικών περιοχών.</li>"
        "<li>Εργασία σε θέματα κοινού ενδιαφέροντος, από την κυκλική οικονομία έως τη μετάβαση σε βιώσιμη "
        "κινητικότητα.</li>"
        "<li>Διαμόρφωση, με την ομάδα του Smart Cities Marketplace, του περιεχομένου και της κατεύθυνσης "
        "του προγράμματος εργασιών για τους επόμενους 18 μήνες.</li></ul>",
    ),
    "body": [
        heading(Text("How to take part", "Com participar-hi", "Jak wziąć udział", "Πώς να συμμετάσχετε")),
        paragraph(
            Rich(
                "<p>The only condition is to be willing to share views in a few open workshops. The workshops "
                "are online, and the group may also explore voluntary in-person meetings as part of the work.</p>",
                "<p>L'única condició és voler compartir opinions en uns quants tallers oberts. Els tallers són "
                "en línia, i el grup també pot explorar trobades presencials voluntàries com a part de la feina.</p>",
                "<p>Jedynym warunkiem jest gotowość do dzielenia się opiniami na kilku otwartych warsztatach. "
                "Warsztaty odbywają się online, a grupa może też w ramach prac rozważyć dobrowolne spotkania na "
                "miejscu.</p>",
                "<p>Η μόνη προϋπόθεση είναι η διάθεση να μοιραστείτε απόψεις σε λίγα ανοιχτά εργαστήρια. Τα "
                "εργαστήρια γίνονται διαδικτυακά και η ομάδα μπορεί να εξετάσει και προαιρετικές δια ζώσης "
                "συναντήσεις στο πλαίσιο της δουλειάς της.</p>",
            )
        ),
    ],
    "phases": [
        {
            "kind": Phase.MEETING,
            "start_date": date(2024, 3, 13),
            "title": Text(
                "First meeting of the focus group",
                "Primera reunió del grup focal",
                "Pierwsze spotkanie grupy fokusowej",
                "Πρώτη συνάντηση της ομάδας εστίασης",
            ),
            "description": Text(
                "Participants shape the content and direction of the work programme.",
                "Els participants configuren el contingut i l'orientació del programa de treball.",
                "Uczestnicy kształtują treść i kierunek programu prac.",
                "Οι συμμετέχοντες διαμορφώνουν το περιεχόμενο και την κατεύθυνση του προγράμματος εργασιών.",
            ),
        },
        {
            "kind": Phase.ONLINE,
            "start_date": date(2024, 3, 13),
            "end_date": date(2025, 9, 12),
            "title": Text(
                "18-month work programme",
                "Programa de treball de 18 mesos",
                "Osiemnastomiesięczny program prac",
                "Πρόγραμμα εργασιών 18 μηνών",
            ),
            "description": Text(
                "Open online workshops, with room for voluntary in-person meetings.",
                "Tallers oberts en línia, amb espai per a trobades presencials voluntàries.",
                "Otwarte warsztaty online, z możliwością dobrowolnych spotkań na miejscu.",
                "Ανοιχτά διαδικτυακά εργαστήρια, με περιθώριο για προαιρετικές δια ζώσης συναντήσεις.",
            ),
        },
    ],
}
SMALL_GIANTS_FACTS = {
    "code": "small-giants",
    "start_date": date(2024, 3, 13),
    "regions": [WorldRegion.EUROPE],
}
SMALL_GIANTS_THEMES = ["circular-economy", "mobility", "smart-cities"]

MODULE_BODY = [
    paragraph(
        Rich(
            "<p>The SMCNetZero modules bring knowledge, skills, tools and success stories, with a particular "
            "focus on the needs and context of small cities. Interested cities can register to take part.</p>",
            "<p>Els mòduls de SMCNetZero aporten coneixements, habilitats, eines i experiències d'èxit, amb una "
            "atenció especial a les necessitats i el context de les ciutats petites. Les ciutats interessades "
            "s'hi poden inscriure.</p>",
            "<p>Moduły SMCNetZero dają wiedzę, umiejętności, narzędzia i przykłady sukcesów, ze szczególnym "
            "uwzględnieniem potrzeb i sytuacji małych miast. Zainteresowane miasta mogą się zapisać.</p>",
            "<p>Οι ενότητες του SMCNetZero προσφέρουν γνώσεις, δεξιότητες, εργαλεία και επιτυχημένα "
            "παραδείγματα, με ιδιαίτερη προσοχή στις ανάγκες και τις συνθήκες των μικρών πόλεων. Οι πόλεις που "
            "ενδιαφέρονται μπορούν να εγγραφούν.</p>",
        )
    ),
]

SMCNETZERO_COPENHAGEN = {
    "title": Text(
        "SMCNetZero: enabling stage in Copenhagen",
        "SMCNetZero: etapa d'habilitació a Copenhaguen",
        "SMCNetZero: etap tworzenia warunków w Kopenhadze",
        "SMCNetZero: στάδιο δημιουργίας προϋποθέσεων στην Κοπεγχάγη",
    ),
    "slug": Text(
        "smcnetzero-copenhagen", "smcnetzero-copenhaguen", "smcnetzero-kopenhaga", "smcnetzero-kopegchagi"
    ),
    "introduction": Text(
        "A two-day, in-person module in Copenhagen on what enables small and medium-sized cities to move "
        "towards net zero.",
        "Un mòdul presencial de dos dies a Copenhaguen sobre què permet a les ciutats petites i mitjanes "
        "avançar cap a zero emissions netes.",
        "Dwudniowy moduł stacjonarny w Kopenhadze o tym, co pozwala małym i średnim miastom zmierzać do "
        "zerowej emisji netto.",
        "Διήμερη δια ζώσης ενότητα στην Κοπεγχάγη για το τι επιτρέπει στις μικρές και μεσαίες πόλεις να "
        "προχωρήσουν προς τις μηδενικές καθαρές εκπομπές.",
    ),
    "stage": Text(
        "Enabling stage", "Etapa d'habilitació", "Etap tworzenia warunków", "Στάδιο δημιουργίας προϋποθέσεων"
    ),
    "city_name": Text("Copenhagen", "Copenhaguen", "Kopenhaga", "Κοπεγχάγη"),
    "body": MODULE_BODY,
}
SMCNETZERO_COPENHAGEN_FACTS = {
    "starts_at": at(date(2024, 4, 10), 9, 0, "Europe/Copenhagen"),
    "ends_at": at(date(2024, 4, 11), 17, 0, "Europe/Copenhagen"),
    "timezone": "Europe/Copenhagen",
    "mode": TrainingModulePage.Mode.IN_PERSON,
    "country": "DK",
}

SMCNETZERO_ONLINE = {
    "title": Text(
        "SMCNetZero: local adaptation stage (online)",
        "SMCNetZero: etapa d'adaptació local (en línia)",
        "SMCNetZero: etap adaptacji lokalnej (online)",
        "SMCNetZero: στάδιο τοπικής προσαρμογής (διαδικτυακά)",
    ),
    "slug": Text("smcnetzero-online", "smcnetzero-en-linia", "smcnetzero-online", "smcnetzero-diadiktyaka"),
    "introduction": Text(
        "An online session on applying in each city what was learned in the earlier modules.",
        "Una sessió en línia per aplicar a cada ciutat el que s'ha après en els mòduls anteriors.",
        "Sesja online o tym, jak zastosować w każdym mieście to, czego nauczono się w poprzednich modułach.",
        "Διαδικτυακή συνεδρία για την εφαρμογή σε κάθε πόλη όσων έμαθαν οι συμμετέχοντες στις προηγούμενες "
        "ενότητες.",
    ),
    "stage": Text(
        "Local adaptation stage",
        "Etapa d'adaptació local",
        "Etap adaptacji lokalnej",
        "Στάδιο τοπικής προσαρμογής",
    ),
    "body": MODULE_BODY,
}
SMCNETZERO_ONLINE_FACTS = {
    "starts_at": at(date(2024, 4, 25), 10, 0, "Europe/Brussels"),
    "ends_at": at(date(2024, 4, 25), 13, 0, "Europe/Brussels"),
    "timezone": "Europe/Brussels",
    "mode": TrainingModulePage.Mode.ONLINE,
}
SMCNETZERO_THEMES = ["net-zero", "smart-cities", "energy-transition"]


def build_programmes(sections, themes, organisations):
    """The four programmes, the Small Giants initiative, two calls and two training modules."""
    index = sections["programmes"]

    def themed(slugs, code):
        return [themes[slug][code] for slug in slugs]

    def org(key, code):
        return organisations[key][code]

    programmes = {}
    icp = programme_factories.programme(
        index["en"],
        **resolve(ICP_AGIR, "en"),
        **ICP_AGIR_FACTS,
        themes=themed(ICP_AGIR_THEMES, "en"),
        managing_body=org("dg-regio", "en"),
        delivery_partners=[org("ramboll", "en")],
    )
    programmes["icp-agir"] = in_all_languages(icp, ICP_AGIR, "en")
    call_2021 = programme_factories.call(icp, **resolve(ICP_AGIR_CALL, "en"), **ICP_AGIR_CALL_FACTS)
    in_all_languages(call_2021, ICP_AGIR_CALL, "en")

    contact_points = [org(key, "pl") for key in ("iuc-coordination-unit", "urbact-poland", "zmp", "szgip")]
    iuc = programme_factories.programme(
        index["pl"],
        **resolve(IUC, "pl"),
        **IUC_FACTS,
        themes=themed(IUC_THEMES, "pl"),
        delivery_partners=contact_points,
    )
    programmes["iuc"] = in_all_languages(iuc, IUC, "pl")
    call_2017 = programme_factories.call(
        iuc, **resolve(IUC_CALL, "pl"), **IUC_CALL_FACTS, contact_points=contact_points
    )
    in_all_languages(call_2017, IUC_CALL, "pl")

    iurc = programme_factories.programme(
        index["el"],
        **resolve(IURC, "el"),
        **IURC_FACTS,
        themes=themed(IURC_THEMES, "el"),
        managing_body=org("dg-regio", "el"),
        delivery_partners=[org("fpi", "el")],
    )
    programmes["iurc"] = in_all_languages(iurc, IURC, "el")

    scm = programme_factories.programme(
        index["ca"],
        **resolve(SMART_CITIES_MARKETPLACE, "ca"),
        **SMART_CITIES_MARKETPLACE_FACTS,
        themes=themed(SMART_CITIES_MARKETPLACE_THEMES, "ca"),
        managing_body=org("european-commission", "ca"),
        delivery_partners=[org("smcnetzero", "ca"), org("diba-europe-office", "ca")],
    )
    programmes["smart-cities-marketplace"] = in_all_languages(scm, SMART_CITIES_MARKETPLACE, "ca")
    small_giants = programme_factories.programme(
        scm,
        **resolve(SMALL_GIANTS, "ca"),
        **SMALL_GIANTS_FACTS,
        themes=themed(SMALL_GIANTS_THEMES, "ca"),
        managing_body=org("european-commission", "ca"),
    )
    programmes["small-giants"] = in_all_languages(small_giants, SMALL_GIANTS, "ca")
    for text, facts in (
        (SMCNETZERO_COPENHAGEN, SMCNETZERO_COPENHAGEN_FACTS),
        (SMCNETZERO_ONLINE, SMCNETZERO_ONLINE_FACTS),
    ):
        module = programme_factories.training_module(
            scm,
            **resolve(text, "ca"),
            **facts,
            themes=themed(SMCNETZERO_THEMES, "ca"),
            organiser=org("smcnetzero", "ca"),
        )
        in_all_languages(module, text, "ca")
    return programmes
