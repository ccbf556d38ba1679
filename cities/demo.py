"""Cities and partnerships.

Cities are written in English and translated (titles where the name differs: Πειραιάς, Pireu,
Pireus). They are real participants named in the programmes' public material: the seeds,
and the ICP AGIR kick-off announcements of February and March 2022 and the IUC pairings
published by the programme. Populations are recent census figures or official estimates,
rounded; coordinates are the city centres. "Looking for partners" is demo data. "Also known
as" holds other names in use (Durban, Pretoria, NYC, transliterations such as Peiraias).

The Piraeus–Puerto Montt partnership is written in Greek (its seed); the ICP AGIR pairings
in English.
"""

from datetime import date

from base.demo import heading, in_all_languages, paragraph
from base.demo.text import Rich, Text, named, resolve, slugs
from cities import factories as city_factories
from cities.models import PartnershipActivity, PartnershipCity, PartnershipPage


def _city(key, title, introduction, country, population, latitude, longitude, themes, programmes, **extra):
    partner_themes = extra.pop("partner_themes", [])
    return {
        "key": key,
        "text": {
            "title": title,
            "slug": extra.pop("slug", None) or slugs(title),
            "introduction": introduction,
        },
        "facts": {
            "country": country,
            "population": population,
            "latitude": latitude,
            "longitude": longitude,
            "name_local": extra.pop("name_local", ""),
            **extra,
        },
        "themes": themes,
        "partner_themes": partner_themes,
        "programmes": programmes,
    }


ICP = "icp-agir"
IUC = "iuc"
IURC = "iurc"

CITIES = [
    _city(
        "piraeus",
        Text("Piraeus", "El Pireu", "Pireus", "Πειραιάς"),
        Text(
            "Greece's largest port city, next to Athens. In IURC it works with Puerto Montt in Chile on "
            "nature-based solutions and the blue economy.",
            "La ciutat portuària més gran de Grècia, tocant a Atenes. Dins de l'IURC treballa amb Puerto Montt "
            "(Xile) en solucions basades en la natura i en l'economia blava.",
            "Największe miasto portowe Grecji, sąsiadujące z Atenami. W programie IURC współpracuje z chilijskim "
            "Puerto Montt w dziedzinie rozwiązań opartych na przyrodzie i niebieskiej gospodarki.",
            "Η μεγαλύτερη πόλη-λιμάνι της Ελλάδας, δίπλα στην Αθήνα. Στο IURC συνεργάζεται με το Πουέρτο Μοντ "
            "της Χιλής σε λύσεις βασισμένες στη φύση και στη γαλάζια οικονομία.",
        ),
        "GR",
        168_151,
        "37.942100",
        "23.646500",
        ["nature-based-solutions", "blue-economy", "urban-planning"],
        [IURC],
        name_local="Πειραιάς",
        partner_themes=["blue-economy"],
        also_known_as="Peiraias",
    ),
    _city(
        "puerto-montt",
        Text("Puerto Montt", "Puerto Montt", "Puerto Montt", "Πουέρτο Μοντ"),
        Text(
            "Port city in southern Chile, capital of the Los Lagos Region and a gateway to Patagonia. Partner "
            "of Piraeus in IURC.",
            "Ciutat portuària del sud de Xile, capital de la regió de Los Lagos i porta d'entrada a la "
            "Patagònia. Sòcia del Pireu a l'IURC.",
            "Miasto portowe na południu Chile, stolica regionu Los Lagos i brama do Patagonii. Partner Pireusu "
            "w programie IURC.",
            "Πόλη-λιμάνι στη νότια Χιλή, πρωτεύουσα της περιφέρειας Λος Λάγος και πύλη προς την Παταγονία. "
            "Εταίρος του Πειραιά στο IURC.",
        ),
        "CL",
        245_902,
        "-41.468900",
        "-72.941100",
        ["nature-based-solutions", "blue-economy", "urban-planning"],
        [IURC],
        partner_themes=["nature-based-solutions"],
    ),
    _city(
        "athens",
        Text("Athens", "Atenes", "Ateny", "Αθήνα"),
        Text(
            "The Greek capital. In ICP AGIR it hosted a delegation from Gwangju to share how it monitors air "
            "quality, from sensor networks to drones.",
            "La capital de Grècia. A l'ICP AGIR va acollir una delegació de Gwangju per compartir com mesura la "
            "qualitat de l'aire, de les xarxes de sensors als drons.",
            "Stolica Grecji. W programie ICP AGIR gościła delegację z Gwangju, której pokazała, jak monitoruje "
            "jakość powietrza – od sieci czujników po drony.",
            "Η πρωτεύουσα της Ελλάδας. Στο ICP AGIR φιλοξένησε αντιπροσωπεία από το Γκουάνγκτζου για να "
            "μοιραστεί πώς παρακολουθεί την ποιότητα του αέρα, από δίκτυα αισθητήρων έως drones.",
        ),
        "GR",
        643_452,
        "37.983800",
        "23.727500",
        ["air-quality", "energy-transition"],
        [ICP],
        name_local="Αθήνα",
        also_known_as="Athina",
    ),
    _city(
        "milan",
        Text("Milan", "Milà", "Mediolan", "Μιλάνο"),
        Text(
            "Lombardy's capital. Paired with Singapore in ICP AGIR, it showed how it cuts food waste and "
            "reclaims water.",
            "La capital de la Llombardia. Aparellada amb Singapur a l'ICP AGIR, va mostrar com redueix el "
            "malbaratament alimentari i recupera l'aigua.",
            "Stolica Lombardii. W parze z Singapurem w programie ICP AGIR pokazał, jak ogranicza marnowanie "
            "żywności i odzyskuje wodę.",
            "Η πρωτεύουσα της Λομβαρδίας. Σε ζεύγος με τη Σιγκαπούρη στο ICP AGIR, έδειξε πώς μειώνει τη "
            "σπατάλη τροφίμων και ανακτά νερό.",
        ),
        "IT",
        1_371_000,
        "45.464200",
        "9.190000",
        ["circular-economy"],
        [ICP],
        name_local="Milano",
    ),
    _city(
        "prato",
        named("Prato", el="Πράτο"),
        Text(
            "Tuscan textile city with a long tradition of recycling wool. It joined the Asian cluster of ICP AGIR.",
            "Ciutat tèxtil de la Toscana amb una llarga tradició de reciclatge de llana. Va formar part del "
            "clúster asiàtic de l'ICP AGIR.",
            "Toskańskie miasto włókiennicze z długą tradycją recyklingu wełny. Należało do azjatyckiego klastra "
            "programu ICP AGIR.",
            "Πόλη της κλωστοϋφαντουργίας στην Τοσκάνη με μακρά παράδοση στην ανακύκλωση μαλλιού. Συμμετείχε "
            "στην ασιατική ομάδα του ICP AGIR.",
        ),
        "IT",
        195_000,
        "43.877700",
        "11.102300",
        ["circular-economy"],
        [ICP],
        partner_themes=["circular-economy"],
    ),
    _city(
        "braga",
        named("Braga", el="Μπράγκα"),
        Text(
            "City in northern Portugal and one of the EU members of the Asian cluster of ICP AGIR.",
            "Ciutat del nord de Portugal i una de les participants europees del clúster asiàtic de l'ICP AGIR.",
            "Miasto w północnej Portugalii, jeden z europejskich członków azjatyckiego klastra ICP AGIR.",
            "Πόλη της βόρειας Πορτογαλίας και ένα από τα ευρωπαϊκά μέλη της ασιατικής ομάδας του ICP AGIR.",
        ),
        "PT",
        193_300,
        "41.545400",
        "-8.426500",
        ["energy-transition"],
        [ICP],
    ),
    _city(
        "berlin",
        Text("Berlin", "Berlín", "Berlin", "Βερολίνο"),
        Text(
            "Germany's capital. In ICP AGIR it hosted Incheon to exchange on smart-city solutions, circular "
            "construction, energy and mobility.",
            "La capital d'Alemanya. A l'ICP AGIR va rebre Incheon per intercanviar experiències sobre ciutat "
            "intel·ligent, construcció circular, energia i mobilitat.",
            "Stolica Niemiec. W programie ICP AGIR gościł Inczon, by wymienić doświadczenia w dziedzinie "
            "inteligentnego miasta, budownictwa o obiegu zamkniętym, energii i mobilności.",
            "Η πρωτεύουσα της Γερμανίας. Στο ICP AGIR φιλοξένησε το Ίντσον για ανταλλαγή εμπειριών σε λύσεις "
            "έξυπνης πόλης, κυκλική δόμηση, ενέργεια και κινητικότητα.",
        ),
        "DE",
        3_755_000,
        "52.520000",
        "13.405000",
        ["smart-cities", "circular-economy", "energy-transition", "mobility"],
        [ICP],
    ),
    _city(
        "hamburg",
        Text("Hamburg", "Hamburg", "Hamburg", "Αμβούργο"),
        Text(
            "Germany's second city and a major port. In ICP AGIR it shared its practice on waste, energy and "
            "wastewater with Cape Town.",
            "La segona ciutat d'Alemanya i un gran port. A l'ICP AGIR va compartir amb Ciutat del Cap la seva "
            "experiència en residus, energia i aigües residuals.",
            "Drugie co do wielkości miasto Niemiec i wielki port. W programie ICP AGIR dzielił się z Kapsztadem "
            "doświadczeniem w dziedzinie odpadów, energii i ścieków.",
            "Η δεύτερη μεγαλύτερη πόλη της Γερμανίας και μεγάλο λιμάνι. Στο ICP AGIR μοιράστηκε με το Κέιπ "
            "Τάουν την εμπειρία του στα απόβλητα, την ενέργεια και τα λύματα.",
        ),
        "DE",
        1_860_000,
        "53.551100",
        "9.993700",
        ["circular-economy", "energy-transition"],
        [ICP],
    ),
    _city(
        "porto",
        Text("Porto", "Porto", "Porto", "Πόρτο"),
        Text(
            "Portugal's second city. Through the Greater Porto Region it welcomed eThekwini to look at waste "
            "management and energy from waste.",
            "La segona ciutat de Portugal. A través de la regió del Gran Porto va rebre eThekwini per conèixer "
            "la gestió de residus i l'aprofitament energètic dels residus.",
            "Drugie co do wielkości miasto Portugalii. W ramach regionu Wielkiego Porto przyjęło delegację z "
            "eThekwini, która poznawała gospodarkę odpadami i odzysk energii z odpadów.",
            "Η δεύτερη μεγαλύτερη πόλη της Πορτογαλίας. Μέσω της περιοχής του Ευρύτερου Πόρτο υποδέχθηκε το "
            "Ετεκουίνι για να γνωρίσει τη διαχείριση αποβλήτων και την ανάκτηση ενέργειας από αυτά.",
        ),
        "PT",
        231_800,
        "41.157900",
        "-8.629100",
        ["circular-economy", "energy-transition"],
        [ICP],
    ),
    _city(
        "parma",
        named("Parma", el="Πάρμα"),
        Text(
            "City in Emilia-Romagna, among the EU members of the South African cluster of ICP AGIR.",
            "Ciutat d'Emília-Romanya, una de les participants europees del clúster sud-africà de l'ICP AGIR.",
            "Miasto w Emilii-Romanii, jeden z europejskich członków południowoafrykańskiego klastra ICP AGIR.",
            "Πόλη της Εμίλια-Ρομάνια, ένα από τα ευρωπαϊκά μέλη της ομάδας της Νότιας Αφρικής του ICP AGIR.",
        ),
        "IT",
        196_000,
        "44.801500",
        "10.327900",
        ["circular-economy", "energy-transition"],
        [ICP],
    ),
    _city(
        "stara-zagora",
        named("Stara Zagora", el="Στάρα Ζαγόρα"),
        Text(
            "City in central Bulgaria, an EU member of the South African cluster of ICP AGIR.",
            "Ciutat del centre de Bulgària, participant europea del clúster sud-africà de l'ICP AGIR.",
            "Miasto w środkowej Bułgarii, europejski członek południowoafrykańskiego klastra ICP AGIR.",
            "Πόλη της κεντρικής Βουλγαρίας, ευρωπαϊκό μέλος της ομάδας της Νότιας Αφρικής του ICP AGIR.",
        ),
        "BG",
        121_000,
        "42.425800",
        "25.634500",
        ["circular-economy", "energy-transition"],
        [ICP],
        name_local="Стара Загора",
    ),
    _city(
        "fuenlabrada",
        named("Fuenlabrada", el="Φουενλαμπράδα"),
        Text(
            "Municipality south of Madrid that joined the Canadian cluster of ICP AGIR.",
            "Municipi al sud de Madrid que va formar part del clúster canadenc de l'ICP AGIR.",
            "Gmina na południe od Madrytu, członek kanadyjskiego klastra ICP AGIR.",
            "Δήμος νότια της Μαδρίτης που συμμετείχε στην καναδική ομάδα του ICP AGIR.",
        ),
        "ES",
        192_000,
        "40.283900",
        "-3.799700",
        ["circular-economy", "energy-transition"],
        [ICP],
    ),
    _city(
        "utrecht",
        Text("Utrecht", "Utrecht", "Utrecht", "Ουτρέχτη"),
        Text(
            "Dutch city known for cycling, part of the Canadian cluster of ICP AGIR.",
            "Ciutat neerlandesa coneguda per la bicicleta, membre del clúster canadenc de l'ICP AGIR.",
            "Holenderskie miasto słynące z rowerów, członek kanadyjskiego klastra ICP AGIR.",
            "Ολλανδική πόλη γνωστή για το ποδήλατο, μέλος της καναδικής ομάδας του ICP AGIR.",
        ),
        "NL",
        367_000,
        "52.090700",
        "5.121400",
        ["circular-economy", "energy-transition", "mobility"],
        [ICP],
    ),
    _city(
        "frankfurt",
        Text("Frankfurt am Main", "Frankfurt del Main", "Frankfurt nad Menem", "Φρανκφούρτη"),
        Text(
            "Financial centre on the Main. It took part in IUC, paired with Yokohama, and later in the Canadian "
            "cluster of ICP AGIR.",
            "Centre financer a la vora del Main. Va participar en l'IUC, aparellada amb Yokohama, i després en "
            "el clúster canadenc de l'ICP AGIR.",
            "Centrum finansowe nad Menem. Uczestniczył w programie IUC w parze z Jokohamą, a później w "
            "kanadyjskim klastrze ICP AGIR.",
            "Οικονομικό κέντρο στις όχθες του Μάιν. Συμμετείχε στο IUC σε ζεύγος με τη Γιοκοχάμα και αργότερα "
            "στην καναδική ομάδα του ICP AGIR.",
        ),
        "DE",
        773_000,
        "50.110900",
        "8.682100",
        ["circular-economy", "energy-transition"],
        [ICP, IUC],
        slug=Text("frankfurt", "frankfurt", "frankfurt", "frankfourti"),
    ),
    _city(
        "saint-germain-en-laye",
        named("Saint-Germain-en-Laye", el="Σεν Ζερμέν αν Λε"),
        Text(
            "Town west of Paris, the smallest EU member of the Canadian cluster of ICP AGIR.",
            "Municipi a l'oest de París, el participant europeu més petit del clúster canadenc de l'ICP AGIR.",
            "Miasto na zachód od Paryża, najmniejszy europejski członek kanadyjskiego klastra ICP AGIR.",
            "Πόλη δυτικά του Παρισιού, το μικρότερο ευρωπαϊκό μέλος της καναδικής ομάδας του ICP AGIR.",
        ),
        "FR",
        45_000,
        "48.898900",
        "2.093800",
        ["circular-economy", "energy-transition"],
        [ICP],
        partner_themes=["energy-transition"],
    ),
    _city(
        "barcelona",
        Text("Barcelona", "Barcelona", "Barcelona", "Βαρκελώνη"),
        Text(
            "Catalonia's capital, paired with New York City in IUC.",
            "La capital de Catalunya, aparellada amb Nova York a l'IUC.",
            "Stolica Katalonii, w programie IUC w parze z Nowym Jorkiem.",
            "Η πρωτεύουσα της Καταλονίας, σε ζεύγος με τη Νέα Υόρκη στο IUC.",
        ),
        "ES",
        1_660_000,
        "41.387400",
        "2.168600",
        ["smart-cities", "urban-planning", "mobility"],
        [IUC],
        partner_themes=["smart-cities"],
    ),
    _city(
        "rotterdam",
        named("Rotterdam", el="Ρότερνταμ"),
        Text(
            "Europe's largest port, paired with Surat in India in IUC.",
            "El port més gran d'Europa, aparellat amb Surat (Índia) a l'IUC.",
            "Największy port Europy, w programie IUC w parze z indyjskim Suratem.",
            "Το μεγαλύτερο λιμάνι της Ευρώπης, σε ζεύγος με το Σουράτ της Ινδίας στο IUC.",
        ),
        "NL",
        664_000,
        "51.924400",
        "4.477700",
        ["urban-planning"],
        [IUC],
    ),
    _city(
        "almada",
        named("Almada", el="Αλμάδα"),
        Text(
            "City across the Tagus from Lisbon, paired with Belo Horizonte in IUC.",
            "Ciutat a l'altra riba del Tajo, davant de Lisboa, aparellada amb Belo Horizonte a l'IUC.",
            "Miasto po drugiej stronie Tagu, naprzeciw Lizbony, w programie IUC w parze z Belo Horizonte.",
            "Πόλη στην απέναντι όχθη του Τάγου από τη Λισαβόνα, σε ζεύγος με το Μπέλο Οριζόντε στο IUC.",
        ),
        "PT",
        177_400,
        "38.679000",
        "-9.156900",
        ["urban-planning"],
        [IUC],
    ),
    _city(
        "singapore",
        Text("Singapore", "Singapur", "Singapur", "Σιγκαπούρη"),
        Text(
            "City-state paired with Milan in ICP AGIR, working on the circular economy on its way to net zero.",
            "Ciutat estat aparellada amb Milà a l'ICP AGIR, que treballa en l'economia circular en el seu camí "
            "cap a zero emissions netes.",
            "Miasto-państwo w parze z Mediolanem w programie ICP AGIR, pracujące nad gospodarką o obiegu "
            "zamkniętym na drodze do zerowej emisji netto.",
            "Πόλη-κράτος σε ζεύγος με το Μιλάνο στο ICP AGIR, που εργάζεται για την κυκλική οικονομία στον "
            "δρόμο προς τις μηδενικές καθαρές εκπομπές.",
        ),
        "SG",
        5_920_000,
        "1.352100",
        "103.819800",
        ["circular-economy", "net-zero"],
        [ICP],
    ),
    _city(
        "taichung",
        Text("Taichung", "Taichung", "Tajczung", "Ταϊτσούνγκ"),
        Text(
            "City in central Taiwan, one of the two Taiwanese cities in ICP AGIR.",
            "Ciutat del centre de Taiwan, una de les dues ciutats taiwaneses de l'ICP AGIR.",
            "Miasto w środkowym Tajwanie, jedno z dwóch tajwańskich miast w programie ICP AGIR.",
            "Πόλη της κεντρικής Ταϊβάν, μία από τις δύο ταϊβανέζικες πόλεις του ICP AGIR.",
        ),
        "TW",
        2_850_000,
        "24.147700",
        "120.673600",
        ["air-quality", "energy-transition"],
        [ICP],
        name_local="臺中",
    ),
    _city(
        "taoyuan",
        named("Taoyuan", el="Ταογιουάν"),
        Text(
            "City in northern Taiwan, home to the island's main international airport, and one of the two "
            "Taiwanese cities in ICP AGIR.",
            "Ciutat del nord de Taiwan, on hi ha el principal aeroport internacional de l'illa, i una de les dues "
            "ciutats taiwaneses de l'ICP AGIR.",
            "Miasto na północy Tajwanu, w którym leży główne międzynarodowe lotnisko wyspy, jedno z dwóch "
            "tajwańskich miast w programie ICP AGIR.",
            "Πόλη της βόρειας Ταϊβάν, όπου βρίσκεται το κύριο διεθνές αεροδρόμιο του νησιού, και μία από τις "
            "δύο ταϊβανέζικες πόλεις του ICP AGIR.",
        ),
        "TW",
        2_300_000,
        "24.993600",
        "121.301000",
        ["circular-economy", "energy-transition"],
        [ICP],
        name_local="桃園",
    ),
    _city(
        "incheon",
        Text("Incheon", "Incheon", "Inczon", "Ίντσον"),
        Text(
            "Port city west of Seoul. Its delegation visited Berlin in ICP AGIR to look at smart-city and "
            "energy solutions.",
            "Ciutat portuària a l'oest de Seül. La seva delegació va visitar Berlín dins de l'ICP AGIR per "
            "conèixer solucions de ciutat intel·ligent i d'energia.",
            "Miasto portowe na zachód od Seulu. Jego delegacja odwiedziła Berlin w ramach ICP AGIR, by poznać "
            "rozwiązania z zakresu inteligentnego miasta i energii.",
            "Πόλη-λιμάνι δυτικά της Σεούλ. Αντιπροσωπεία της επισκέφθηκε το Βερολίνο στο πλαίσιο του ICP AGIR "
            "για να γνωρίσει λύσεις έξυπνης πόλης και ενέργειας.",
        ),
        "KR",
        2_990_000,
        "37.456300",
        "126.705200",
        ["smart-cities", "energy-transition"],
        [ICP],
        name_local="인천",
        also_known_as="Inchon",
    ),
    _city(
        "gwangju",
        Text("Gwangju", "Gwangju", "Gwangju", "Γκουάνγκτζου"),
        Text(
            "City in south-western Korea, paired with Athens in ICP AGIR on air quality and climate adaptation.",
            "Ciutat del sud-oest de Corea, aparellada amb Atenes a l'ICP AGIR en qualitat de l'aire i adaptació "
            "al canvi climàtic.",
            "Miasto w południowo-zachodniej Korei, w programie ICP AGIR w parze z Atenami w dziedzinie jakości "
            "powietrza i adaptacji do zmian klimatu.",
            "Πόλη της νοτιοδυτικής Κορέας, σε ζεύγος με την Αθήνα στο ICP AGIR για την ποιότητα του αέρα και "
            "την προσαρμογή στην κλιματική αλλαγή.",
        ),
        "KR",
        1_420_000,
        "35.159500",
        "126.852600",
        ["air-quality", "energy-transition"],
        [ICP],
        name_local="광주",
        partner_themes=["air-quality"],
        also_known_as="Kwangju",
    ),
    _city(
        "cape-town",
        Text("Cape Town", "Ciutat del Cap", "Kapsztad", "Κέιπ Τάουν"),
        Text(
            "South Africa's legislative capital, paired with Hamburg in ICP AGIR on waste, energy and wastewater.",
            "La capital legislativa de Sud-àfrica, aparellada amb Hamburg a l'ICP AGIR en residus, energia i "
            "aigües residuals.",
            "Stolica legislacyjna RPA, w programie ICP AGIR w parze z Hamburgiem w dziedzinie odpadów, energii i "
            "ścieków.",
            "Η νομοθετική πρωτεύουσα της Νότιας Αφρικής, σε ζεύγος με το Αμβούργο στο ICP AGIR για τα απόβλητα, "
            "την ενέργεια και τα λύματα.",
        ),
        "ZA",
        4_772_800,
        "-33.924900",
        "18.424100",
        ["circular-economy", "energy-transition"],
        [ICP],
        also_known_as="Kaapstad, iKapa",
    ),
    _city(
        "ethekwini",
        Text("eThekwini (Durban)", "eThekwini (Durban)", "eThekwini (Durban)", "Ετεκουίνι (Ντέρμπαν)"),
        Text(
            "Metropolitan municipality that includes Durban. In ICP AGIR its delegation visited the Porto area to "
            "study waste management and energy from waste.",
            "Municipi metropolità que inclou Durban. A l'ICP AGIR la seva delegació va visitar l'àrea de Porto "
            "per estudiar la gestió de residus i l'aprofitament energètic dels residus.",
            "Gmina metropolitalna obejmująca Durban. W programie ICP AGIR jej delegacja odwiedziła region Porto, "
            "by poznać gospodarkę odpadami i odzysk energii z odpadów.",
            "Μητροπολιτικός δήμος που περιλαμβάνει το Ντέρμπαν. Στο ICP AGIR αντιπροσωπεία του επισκέφθηκε την "
            "περιοχή του Πόρτο για να μελετήσει τη διαχείριση αποβλήτων και την ανάκτηση ενέργειας από αυτά.",
        ),
        "ZA",
        4_239_900,
        "-29.858700",
        "31.021800",
        ["circular-economy", "energy-transition"],
        [ICP],
        slug=Text("ethekwini", "ethekwini", "ethekwini", "etekouini"),
        also_known_as="Durban",
    ),
    _city(
        "johannesburg",
        Text("Johannesburg", "Johannesburg", "Johannesburg", "Γιοχάνεσμπουργκ"),
        Text(
            "South Africa's largest city and economic centre, part of the South African cluster of ICP AGIR.",
            "La ciutat més gran de Sud-àfrica i el seu centre econòmic, membre del clúster sud-africà de l'ICP AGIR.",
            "Największe miasto i centrum gospodarcze RPA, członek południowoafrykańskiego klastra ICP AGIR.",
            "Η μεγαλύτερη πόλη και το οικονομικό κέντρο της Νότιας Αφρικής, μέλος της ομάδας της Νότιας Αφρικής "
            "του ICP AGIR.",
        ),
        "ZA",
        4_803_300,
        "-26.204100",
        "28.047300",
        ["circular-economy", "energy-transition"],
        [ICP],
    ),
    _city(
        "tshwane",
        Text("Tshwane (Pretoria)", "Tshwane (Pretòria)", "Tshwane (Pretoria)", "Τσουάνε (Πρετόρια)"),
        Text(
            "Metropolitan municipality around Pretoria, the seat of South Africa's government, and a member of "
            "the South African cluster of ICP AGIR.",
            "Municipi metropolità al voltant de Pretòria, seu del govern sud-africà, i membre del clúster "
            "sud-africà de l'ICP AGIR.",
            "Gmina metropolitalna wokół Pretorii, siedziby rządu RPA, członek południowoafrykańskiego klastra "
            "ICP AGIR.",
            "Μητροπολιτικός δήμος γύρω από την Πρετόρια, έδρα της κυβέρνησης της Νότιας Αφρικής, και μέλος της "
            "ομάδας της Νότιας Αφρικής του ICP AGIR.",
        ),
        "ZA",
        4_040_300,
        "-25.747900",
        "28.229300",
        ["circular-economy", "energy-transition"],
        [ICP],
        slug=Text("tshwane", "tshwane", "tshwane", "tsouane"),
        also_known_as="Pretoria",
    ),
    _city(
        "halifax",
        Text("Halifax", "Halifax", "Halifax", "Χάλιφαξ"),
        Text(
            "Capital of Nova Scotia on Canada's Atlantic coast, part of the Canadian cluster of ICP AGIR.",
            "Capital de Nova Escòcia, a la costa atlàntica del Canadà, membre del clúster canadenc de l'ICP AGIR.",
            "Stolica Nowej Szkocji na atlantyckim wybrzeżu Kanady, członek kanadyjskiego klastra ICP AGIR.",
            "Πρωτεύουσα της Νέας Σκωτίας στην ατλαντική ακτή του Καναδά, μέλος της καναδικής ομάδας του ICP AGIR.",
        ),
        "CA",
        439_800,
        "44.648800",
        "-63.575200",
        ["circular-economy", "energy-transition", "migrant-integration"],
        [ICP],
    ),
    _city(
        "st-johns",
        Text("St. John's", "St. John's", "St. John's", "Σεντ Τζονς"),
        Text(
            "Capital of Newfoundland and Labrador and one of the oldest cities in North America; it joined the "
            "Canadian cluster of ICP AGIR.",
            "Capital de Terranova i Labrador i una de les ciutats més antigues d'Amèrica del Nord; va formar part "
            "del clúster canadenc de l'ICP AGIR.",
            "Stolica prowincji Nowa Fundlandia i Labrador, jedno z najstarszych miast Ameryki Północnej; członek "
            "kanadyjskiego klastra ICP AGIR.",
            "Πρωτεύουσα της Νέας Γης και Λαμπραντόρ και μία από τις παλαιότερες πόλεις της Βόρειας Αμερικής· "
            "συμμετείχε στην καναδική ομάδα του ICP AGIR.",
        ),
        "CA",
        110_500,
        "47.561500",
        "-52.712600",
        ["circular-economy", "energy-transition", "migrant-integration"],
        [ICP],
        slug=Text("st-johns", "st-johns", "st-johns", "sent-tzons"),
    ),
    _city(
        "toronto",
        Text("Toronto", "Toronto", "Toronto", "Τορόντο"),
        Text(
            "Canada's largest city, part of the Canadian cluster of ICP AGIR.",
            "La ciutat més gran del Canadà, membre del clúster canadenc de l'ICP AGIR.",
            "Największe miasto Kanady, członek kanadyjskiego klastra ICP AGIR.",
            "Η μεγαλύτερη πόλη του Καναδά, μέλος της καναδικής ομάδας του ICP AGIR.",
        ),
        "CA",
        2_794_400,
        "43.653200",
        "-79.383200",
        ["circular-economy", "energy-transition", "migrant-integration"],
        [ICP],
    ),
    _city(
        "new-york-city",
        Text("New York City", "Nova York", "Nowy Jork", "Νέα Υόρκη"),
        Text(
            "The largest city in the United States, paired with Barcelona in IUC.",
            "La ciutat més gran dels Estats Units, aparellada amb Barcelona a l'IUC.",
            "Największe miasto Stanów Zjednoczonych, w programie IUC w parze z Barceloną.",
            "Η μεγαλύτερη πόλη των Ηνωμένων Πολιτειών, σε ζεύγος με τη Βαρκελώνη στο IUC.",
        ),
        "US",
        8_258_000,
        "40.712800",
        "-74.006000",
        ["urban-planning", "smart-cities"],
        [IUC],
        also_known_as="NYC, New York",
    ),
    _city(
        "surat",
        named("Surat", el="Σουράτ"),
        Text(
            "Diamond-cutting and textile centre in Gujarat, paired with Rotterdam in IUC.",
            "Centre del tall de diamants i del tèxtil a Gujarat, aparellat amb Rotterdam a l'IUC.",
            "Ośrodek szlifowania diamentów i przemysłu włókienniczego w Gudżaracie, w programie IUC w parze z "
            "Rotterdamem.",
            "Κέντρο κοπής διαμαντιών και κλωστοϋφαντουργίας στο Γκουτζαράτ, σε ζεύγος με το Ρότερνταμ στο IUC.",
        ),
        # 2011 census, the latest held in India.
        "IN",
        4_467_800,
        "21.170200",
        "72.831100",
        ["urban-planning"],
        [IUC],
    ),
    _city(
        "belo-horizonte",
        named("Belo Horizonte", el="Μπέλο Οριζόντε"),
        Text(
            "Capital of the state of Minas Gerais in Brazil, paired with Almada in IUC.",
            "Capital de l'estat de Minas Gerais, al Brasil, aparellada amb Almada a l'IUC.",
            "Stolica stanu Minas Gerais w Brazylii, w programie IUC w parze z Almadą.",
            "Πρωτεύουσα της πολιτείας Μίνας Ζεράις της Βραζιλίας, σε ζεύγος με την Αλμάδα στο IUC.",
        ),
        "BR",
        2_315_600,
        "-19.916700",
        "-43.934500",
        ["urban-planning"],
        [IUC],
    ),
]

Role = PartnershipCity.Role
Activity = PartnershipActivity.Kind

# The Greek seed gives the 24 months and the kinds of activity, not their dates: each activity
# spans the partnership and says so.
WITHIN_THE_PARTNERSHIP = {"start_date": date(2021, 9, 1), "end_date": date(2023, 8, 31)}

PIRAEUS_PUERTO_MONTT = {
    "title": Text(
        "Piraeus – Puerto Montt",
        "El Pireu – Puerto Montt",
        "Pireus – Puerto Montt",
        "Πειραιάς – Πουέρτο Μοντ",
    ),
    "slug": Text(
        "piraeus-puerto-montt", "el-pireu-puerto-montt", "pireus-puerto-montt", "peiraias-puerto-montt"
    ),
    "introduction": Text(
        "Two port cities, Piraeus and Puerto Montt in Chile, exchange good practice on nature-based solutions "
        "and on the blue economy as part of urban strategy.",
        "Dues ciutats portuàries, el Pireu i Puerto Montt (Xile), intercanvien bones pràctiques sobre solucions "
        "basades en la natura i sobre l'economia blava com a part de l'estratègia urbana.",
        "Dwa miasta portowe, Pireus i chilijskie Puerto Montt, wymieniają się dobrymi praktykami w dziedzinie "
        "rozwiązań opartych na przyrodzie i niebieskiej gospodarki jako części strategii miejskiej.",
        "Δύο πόλεις-λιμάνια, ο Πειραιάς και το Πουέρτο Μοντ της Χιλής, ανταλλάσσουν καλές πρακτικές για λύσεις "
        "βασισμένες στη φύση και για τη γαλάζια οικονομία ως μέρος της αστικής στρατηγικής.",
    ),
    "action_plan_summary": Text(
        "Drawing on what each learns from the other, the two cities write a joint action plan on nature-based "
        "solutions and on the blue economy.",
        "A partir del que cadascuna aprèn de l'altra, les dues ciutats redacten un pla d'acció conjunt sobre "
        "solucions basades en la natura i sobre l'economia blava.",
        "Na podstawie tego, czego nauczą się od siebie nawzajem, oba miasta opracowują wspólny plan działania "
        "dotyczący rozwiązań opartych na przyrodzie i niebieskiej gospodarki.",
        "Με βάση όσα μαθαίνει η μία από την άλλη, οι δύο πόλεις συντάσσουν από κοινού ένα Σχέδιο Δράσης για "
        "τις λύσεις που βασίζονται στη φύση και για τη γαλάζια οικονομία.",
    ),
    "body": [
        heading(
            Text("Themes of the exchange", "Temes de l'intercanvi", "Tematy wymiany", "Θέματα της ανταλλαγής")
        ),
        paragraph(
            Rich(
                "<p><b>Nature-based solutions</b></p><ul><li>urban ecosystems made resilient with the help of "
                "nature;</li><li>more green space, so that rainwater soaks into the ground instead of running "
                "off;</li><li>renewal of public spaces in run-down neighbourhoods with natural elements.</li></ul>"
                "<p><b>Urban agenda and planning</b></p><ul><li>the sea and the blue economy at the heart of the "
                "city's strategy;</li><li>joint work with universities and companies on new production and "
                "technology ideas that protect the seas.</li></ul>",
                "<p><b>Solucions basades en la natura</b></p><ul><li>ecosistemes urbans més resilients amb l'ajuda "
                "de la natura;</li><li>més espai verd, perquè l'aigua de pluja s'infiltri al sòl en lloc "
                "d'escolar-se;</li><li>renovació d'espais públics de barris degradats amb elements naturals.</li></ul>"
                "<p><b>Agenda urbana i planificació</b></p><ul><li>el mar i l'economia blava al centre de "
                "l'estratègia de la ciutat;</li><li>treball conjunt amb universitats i empreses en noves idees "
                "productives i tecnològiques que protegeixin els mars.</li></ul>",
                "<p><b>Rozwiązania oparte na przyrodzie</b></p><ul><li>miejskie ekosystemy odporniejsze dzięki "
                "przyrodzie;</li><li>więcej zieleni, by woda deszczowa wsiąkała w grunt zamiast spływać;</li>"
                "<li>odnowa przestrzeni publicznych w zaniedbanych dzielnicach z użyciem elementów "
                "przyrodniczych.</li></ul>"
                "<p><b>Agenda miejska i planowanie</b></p><ul><li>morze i niebieska gospodarka w centrum "
                "strategii miasta;</li><li>wspólna praca z uczelniami i firmami nad nowymi pomysłami "
                "produkcyjnymi i technologicznymi, które chronią morza.</li></ul>",
                "<p><b>Λύσεις βασισμένες στη φύση</b></p><ul><li>αστικά οικοσυστήματα πιο ανθεκτικά με τη βοήθεια "
                "της φύσης·</li><li>περισσότερο πράσινο, ώστε το νερό της βροχής να απορροφάται από το έδαφος "
                "αντί να απορρέει·</li><li>ανάπλαση δημόσιων χώρων σε υποβαθμισμένες γειτονιές με φυσικά "
                "στοιχεία.</li></ul>"
                "<p><b>Αστική ατζέντα και σχεδιασμός</b></p><ul><li>η θάλασσα και η γαλάζια οικονομία στο κέντρο "
                "της στρατηγικής της πόλης·</li><li>κοινή δουλειά με πανεπιστήμια και επιχειρήσεις σε νέες ιδέες "
                "παραγωγής και τεχνολογίας που προστατεύουν τις θάλασσες.</li></ul>",
            )
        ),
    ],
    "activities": [
        {
            "kind": Activity.VISIT,
            **WITHIN_THE_PARTNERSHIP,
            "title": Text(
                "Working visit to Puerto Montt",
                "Visita de treball a Puerto Montt",
                "Wizyta robocza w Puerto Montt",
                "Επίσκεψη εργασίας στο Πουέρτο Μοντ",
            ),
            "place": Text(
                "Puerto Montt, Chile", "Puerto Montt (Xile)", "Puerto Montt, Chile", "Πουέρτο Μοντ, Χιλή"
            ),
            "description": Text(
                "A Piraeus delegation sees its partner's practice at first hand, at the programme's expense, "
                "during the 24 months of the partnership.",
                "Una delegació del Pireu coneix de primera mà les pràctiques de la ciutat sòcia, a càrrec del "
                "programa, durant els 24 mesos de l'associació.",
                "Delegacja z Pireusu poznaje na miejscu praktyki miasta partnerskiego na koszt programu, w "
                "ciągu 24 miesięcy partnerstwa.",
                "Αντιπροσωπεία του Πειραιά γνωρίζει από κοντά τις πρακτικές της πόλης-εταίρου, με έξοδα του "
                "προγράμματος, μέσα στους 24 μήνες της συνεργασίας.",
            ),
        },
        {
            "kind": Activity.VISIT,
            **WITHIN_THE_PARTNERSHIP,
            "title": Text(
                "Working visit to Piraeus",
                "Visita de treball al Pireu",
                "Wizyta robocza w Pireusie",
                "Επίσκεψη εργασίας στον Πειραιά",
            ),
            "place": Text("Piraeus, Greece", "El Pireu (Grècia)", "Pireus, Grecja", "Πειραιάς, Ελλάδα"),
            "description": Text(
                "Puerto Montt returns the visit, also at the programme's expense, during the 24 months of the "
                "partnership.",
                "Puerto Montt torna la visita, també a càrrec del programa, durant els 24 mesos de l'associació.",
                "Puerto Montt rewizytuje partnera, również na koszt programu, w ciągu 24 miesięcy partnerstwa.",
                "Το Πουέρτο Μοντ ανταποδίδει την επίσκεψη, επίσης με έξοδα του προγράμματος, μέσα στους 24 "
                "μήνες της συνεργασίας.",
            ),
        },
        {
            "kind": Activity.MEETING,
            **WITHIN_THE_PARTNERSHIP,
            "title": Text(
                "International meetings of IURC",
                "Trobades internacionals de l'IURC",
                "Międzynarodowe spotkania IURC",
                "Διεθνείς συναντήσεις του IURC",
            ),
            "place": "",
            "description": Text(
                "Both cities take part in the programme's international meetings, which the programme pays for.",
                "Totes dues ciutats participen en les trobades internacionals del programa, que en cobreix "
                "les despeses.",
                "Oba miasta uczestniczą w międzynarodowych spotkaniach programu, który pokrywa ich koszty.",
                "Και οι δύο πόλεις συμμετέχουν στις διεθνείς συναντήσεις του προγράμματος, που καλύπτει τα "
                "έξοδα.",
            ),
        },
        {
            "kind": Activity.WORKSHOP,
            **WITHIN_THE_PARTNERSHIP,
            "title": Text(
                "Joint action plan", "Pla d'acció conjunt", "Wspólny plan działania", "Κοινό Σχέδιο Δράσης"
            ),
            "place": "",
            "description": Text(
                "The conclusions of the exchange are turned into a plan the two cities share.",
                "Les conclusions de l'intercanvi es converteixen en un pla que comparteixen les dues ciutats.",
                "Wnioski z wymiany przekształca się w plan wspólny dla obu miast.",
                "Τα συμπεράσματα της ανταλλαγής γίνονται ένα σχέδιο που μοιράζονται οι δύο πόλεις.",
            ),
        },
    ],
}
PIRAEUS_PUERTO_MONTT_FACTS = {
    "start_date": date(2021, 9, 1),
    "duration_months": 24,
    "status": PartnershipPage.Status.COMPLETED,
}
PIRAEUS_PUERTO_MONTT_CITIES = [("piraeus", Role.EU), ("puerto-montt", Role.PARTNER)]
PIRAEUS_PUERTO_MONTT_THEMES = ["nature-based-solutions", "blue-economy", "urban-planning"]


def _kick_off(day, cluster):
    return {
        "kind": Activity.ONLINE,
        "start_date": day,
        "title": Text("Online kick-off", "Inici en línia", "Inauguracja online", "Διαδικτυακή έναρξη"),
        "place": "",
        "description": cluster,
    }


ASIAN_KICK_OFF = Text(
    "The EU and Asian cities of ICP AGIR meet their partners for the first time.",
    "Les ciutats europees i asiàtiques de l'ICP AGIR coneixen per primer cop les seves ciutats sòcies.",
    "Miasta europejskie i azjatyckie programu ICP AGIR po raz pierwszy spotykają swoich partnerów.",
    "Οι ευρωπαϊκές και ασιατικές πόλεις του ICP AGIR γνωρίζουν για πρώτη φορά τους εταίρους τους.",
)
SOUTH_AFRICAN_KICK_OFF = Text(
    "The EU and South African cities of ICP AGIR meet their partners for the first time.",
    "Les ciutats europees i sud-africanes de l'ICP AGIR coneixen per primer cop les seves ciutats sòcies.",
    "Miasta europejskie i południowoafrykańskie programu ICP AGIR po raz pierwszy spotykają swoich partnerów.",
    "Οι ευρωπαϊκές και νοτιοαφρικανικές πόλεις του ICP AGIR γνωρίζουν για πρώτη φορά τους εταίρους τους.",
)
# The study visits took place in June 2022; the announcement gives the month, not the days.
JUNE_2022 = {"start_date": date(2022, 6, 1), "end_date": date(2022, 6, 30)}

ICP_AGIR_PAIRS = [
    {
        "cities": [("athens", Role.EU), ("gwangju", Role.PARTNER)],
        "themes": ["air-quality", "energy-transition"],
        "start_date": date(2022, 2, 10),
        "text": {
            "title": Text("Athens – Gwangju", "Atenes – Gwangju", "Ateny – Gwangju", "Αθήνα – Γκουάνγκτζου"),
            "slug": Text("athens-gwangju", "atenes-gwangju", "ateny-gwangju", "athina-gkouangktzou"),
            "introduction": Text(
                "Athens and Gwangju compare how they monitor and improve air quality, cut emissions from "
                "buildings and prepare for climate risks.",
                "Atenes i Gwangju comparen com mesuren i milloren la qualitat de l'aire, redueixen les emissions "
                "dels edificis i es preparen per als riscos climàtics.",
                "Ateny i Gwangju porównują, jak monitorują i poprawiają jakość powietrza, ograniczają emisje z "
                "budynków i przygotowują się na zagrożenia klimatyczne.",
                "Η Αθήνα και το Γκουάνγκτζου συγκρίνουν πώς παρακολουθούν και βελτιώνουν την ποιότητα του αέρα, "
                "μειώνουν τις εκπομπές των κτιρίων και προετοιμάζονται για τους κλιματικούς κινδύνους.",
            ),
            "activities": [
                _kick_off(date(2022, 2, 10), ASIAN_KICK_OFF),
                {
                    "kind": Activity.VISIT,
                    **JUNE_2022,
                    "title": Text(
                        "Gwangju delegation in Athens",
                        "Delegació de Gwangju a Atenes",
                        "Delegacja z Gwangju w Atenach",
                        "Αντιπροσωπεία του Γκουάνγκτζου στην Αθήνα",
                    ),
                    "place": Text("Athens", "Atenes", "Ateny", "Αθήνα"),
                    "description": Text(
                        "Air-quality sensor networks and monitoring with drones, green retrofits that cut "
                        "greenhouse gases, disaster risk management and climate adaptation.",
                        "Xarxes de sensors de qualitat de l'aire i control amb drons, rehabilitacions verdes que "
                        "redueixen els gasos d'efecte hivernacle, gestió del risc de desastres i adaptació al clima.",
                        "Sieci czujników jakości powietrza i monitoring z użyciem dronów, zielone modernizacje "
                        "ograniczające emisję gazów cieplarnianych, zarządzanie ryzykiem klęsk i adaptacja do "
                        "zmian klimatu.",
                        "Δίκτυα αισθητήρων ποιότητας του αέρα και παρακολούθηση με drones, πράσινες αναβαθμίσεις "
                        "που μειώνουν τα αέρια του θερμοκηπίου, διαχείριση κινδύνων καταστροφών και προσαρμογή "
                        "στην κλιματική αλλαγή.",
                    ),
                },
            ],
        },
    },
    {
        "cities": [("hamburg", Role.EU), ("cape-town", Role.PARTNER)],
        "themes": ["circular-economy", "energy-transition"],
        "start_date": date(2022, 2, 24),
        "text": {
            "title": Text(
                "Hamburg – Cape Town",
                "Hamburg – Ciutat del Cap",
                "Hamburg – Kapsztad",
                "Αμβούργο – Κέιπ Τάουν",
            ),
            "slug": Text(
                "hamburg-cape-town", "hamburg-ciutat-del-cap", "hamburg-kapsztad", "amvourgo-keip-taoun"
            ),
            "introduction": Text(
                "Hamburg and Cape Town exchange on managing waste, energy and wastewater in a large port city.",
                "Hamburg i Ciutat del Cap intercanvien experiències sobre la gestió de residus, energia i aigües "
                "residuals en una gran ciutat portuària.",
                "Hamburg i Kapsztad wymieniają się doświadczeniami w zarządzaniu odpadami, energią i ściekami w "
                "dużym mieście portowym.",
                "Το Αμβούργο και το Κέιπ Τάουν ανταλλάσσουν εμπειρίες για τη διαχείριση αποβλήτων, ενέργειας "
                "και λυμάτων σε μια μεγάλη πόλη-λιμάνι.",
            ),
            "activities": [
                _kick_off(date(2022, 2, 24), SOUTH_AFRICAN_KICK_OFF),
                {
                    "kind": Activity.VISIT,
                    **JUNE_2022,
                    "title": Text(
                        "Cape Town delegation in Hamburg",
                        "Delegació de Ciutat del Cap a Hamburg",
                        "Delegacja z Kapsztadu w Hamburgu",
                        "Αντιπροσωπεία του Κέιπ Τάουν στο Αμβούργο",
                    ),
                    "place": Text("Hamburg", "Hamburg", "Hamburg", "Αμβούργο"),
                    "description": Text(
                        "How Hamburg manages waste, energy and wastewater.",
                        "Com gestiona Hamburg els residus, l'energia i les aigües residuals.",
                        "Jak Hamburg zarządza odpadami, energią i ściekami.",
                        "Πώς διαχειρίζεται το Αμβούργο τα απόβλητα, την ενέργεια και τα λύματα.",
                    ),
                },
            ],
        },
    },
    {
        "cities": [("milan", Role.EU), ("singapore", Role.PARTNER)],
        "themes": ["circular-economy", "net-zero"],
        "start_date": date(2022, 2, 10),
        "text": {
            "title": Text(
                "Milan – Singapore", "Milà – Singapur", "Mediolan – Singapur", "Μιλάνο – Σιγκαπούρη"
            ),
            "slug": Text("milan-singapore", "mila-singapur", "mediolan-singapur", "milano-sigkapouri"),
            "introduction": Text(
                "Milan and Singapore work on the circular economy, from food waste to water reclamation, with "
                "Singapore's net-zero goal in view.",
                "Milà i Singapur treballen en l'economia circular, del malbaratament alimentari a la recuperació "
                "de l'aigua, amb l'objectiu de zero emissions netes de Singapur a l'horitzó.",
                "Mediolan i Singapur pracują nad gospodarką o obiegu zamkniętym – od marnowania żywności po "
                "odzysk wody – z myślą o celu zerowej emisji netto Singapuru.",
                "Το Μιλάνο και η Σιγκαπούρη εργάζονται για την κυκλική οικονομία, από τη σπατάλη τροφίμων έως "
                "την ανάκτηση νερού, με ορίζοντα τον στόχο μηδενικών καθαρών εκπομπών της Σιγκαπούρης.",
            ),
            "activities": [
                _kick_off(date(2022, 2, 10), ASIAN_KICK_OFF),
                {
                    "kind": Activity.VISIT,
                    **JUNE_2022,
                    "title": Text(
                        "Singapore delegation in Milan",
                        "Delegació de Singapur a Milà",
                        "Delegacja z Singapuru w Mediolanie",
                        "Αντιπροσωπεία της Σιγκαπούρης στο Μιλάνο",
                    ),
                    "place": Text("Milan", "Milà", "Mediolan", "Μιλάνο"),
                    "description": Text(
                        "Milan's experience in reducing food waste and reclaiming water.",
                        "L'experiència de Milà en la reducció del malbaratament alimentari i la recuperació de "
                        "l'aigua.",
                        "Doświadczenia Mediolanu w ograniczaniu marnowania żywności i odzyskiwaniu wody.",
                        "Η εμπειρία του Μιλάνου στη μείωση της σπατάλης τροφίμων και στην ανάκτηση νερού.",
                    ),
                },
            ],
        },
    },
]
ICP_AGIR_PAIR_FACTS = {"duration_months": 14, "status": PartnershipPage.Status.COMPLETED}


def build_cities(sections, themes, programmes):
    """The cities (written in English) and the partnerships (Piraeus–Puerto Montt in Greek)."""
    cities = {}
    for item in CITIES:
        page = city_factories.city(
            sections["cities"]["en"],
            **resolve(item["text"], "en"),
            **item["facts"],
            themes=[themes[slug]["en"] for slug in item["themes"]],
            partner_themes=[themes[slug]["en"] for slug in item["partner_themes"]],
            programmes=[programmes[code]["en"] for code in item["programmes"]],
        )
        cities[item["key"]] = in_all_languages(page, item["text"], "en")

    partnership = city_factories.partnership(
        sections["partnerships"]["el"],
        [(cities[key]["el"], role) for key, role in PIRAEUS_PUERTO_MONTT_CITIES],
        **resolve(PIRAEUS_PUERTO_MONTT, "el"),
        **PIRAEUS_PUERTO_MONTT_FACTS,
        programme=programmes["iurc"]["el"],
        themes=[themes[slug]["el"] for slug in PIRAEUS_PUERTO_MONTT_THEMES],
    )
    in_all_languages(partnership, PIRAEUS_PUERTO_MONTT, "el")
    for pair in ICP_AGIR_PAIRS:
        partnership = city_factories.partnership(
            sections["partnerships"]["en"],
            [(cities[key]["en"], role) for key, role in pair["cities"]],
            **resolve(pair["text"], "en"),
            **ICP_AGIR_PAIR_FACTS,
            start_date=pair["start_date"],
            programme=programmes["icp-agir"]["en"],
            themes=[themes[slug]["en"] for slug in pair["themes"]],
        )
        in_all_languages(partnership, pair["text"], "en")
    return cities
