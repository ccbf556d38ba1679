"""Themes and organisations: translatable snippets, each written in its natural source language."""

from base import factories
from base.demo import in_all_languages
from base.demo.text import Text, resolve, same
from base.models import Organisation

THEMES = {
    "circular-economy": {
        "name": Text(
            "Circular economy", "Economia circular", "Gospodarka o obiegu zamkniętym", "Κυκλική οικονομία"
        ),
        "description": Text(
            "Keeping materials in use for longer: less waste, more reuse, repair and recycling.",
            "Mantenir els materials en ús més temps: menys residus i més reutilització, reparació i reciclatge.",
            "Dłuższe wykorzystywanie materiałów: mniej odpadów, więcej ponownego użycia, napraw i recyklingu.",
            "Τα υλικά μένουν περισσότερο σε χρήση: λιγότερα απόβλητα, περισσότερη επαναχρησιμοποίηση, "
            "επισκευή και ανακύκλωση.",
        ),
    },
    "air-quality": {
        "name": Text("Air quality", "Qualitat de l'aire", "Jakość powietrza", "Ποιότητα του αέρα"),
        "description": Text(
            "Measuring and reducing air pollution in cities.",
            "Mesurar i reduir la contaminació de l'aire a les ciutats.",
            "Pomiar i ograniczanie zanieczyszczenia powietrza w miastach.",
            "Μέτρηση και μείωση της ατμοσφαιρικής ρύπανσης στις πόλεις.",
        ),
    },
    "energy-transition": {
        "name": Text(
            "Energy transition", "Transició energètica", "Transformacja energetyczna", "Ενεργειακή μετάβαση"
        ),
        "description": Text(
            "Moving from fossil fuels to efficient, renewable energy in buildings, transport and heating.",
            "Passar dels combustibles fòssils a una energia eficient i renovable en edificis, transport i calefacció.",
            "Przejście od paliw kopalnych do wydajnej, odnawialnej energii w budynkach, transporcie i ogrzewaniu.",
            "Μετάβαση από τα ορυκτά καύσιμα σε αποδοτική, ανανεώσιμη ενέργεια στα κτίρια, τις μεταφορές "
            "και τη θέρμανση.",
        ),
    },
    "migrant-integration": {
        "name": Text(
            "Integration of migrants and refugees",
            "Integració de persones migrants i refugiades",
            "Integracja migrantów i uchodźców",
            "Ένταξη μεταναστών και προσφύγων",
        ),
        "description": Text(
            "Welcoming newcomers and giving them fair access to housing, work, education and services.",
            "Acollir les persones nouvingudes i garantir-los un accés just a l'habitatge, la feina, "
            "l'educació i els serveis.",
            "Przyjmowanie przybyszów i zapewnianie im równego dostępu do mieszkań, pracy, edukacji i usług.",
            "Υποδοχή όσων έρχονται στην πόλη και ίση πρόσβαση σε στέγη, εργασία, εκπαίδευση και υπηρεσίες.",
        ),
    },
    "nature-based-solutions": {
        "name": Text(
            "Nature-based solutions",
            "Solucions basades en la natura",
            "Rozwiązania oparte na przyrodzie",
            "Λύσεις βασισμένες στη φύση",
        ),
        "description": Text(
            "Using green spaces, trees, soil and water to make cities cooler, healthier and more resilient.",
            "Fer servir espais verds, arbres, sòl i aigua perquè les ciutats siguin més fresques, "
            "saludables i resilients.",
            "Wykorzystanie zieleni, drzew, gleby i wody, by miasta były chłodniejsze, zdrowsze i odporniejsze.",
            "Χρήση πρασίνου, δέντρων, εδάφους και νερού ώστε οι πόλεις να γίνουν πιο δροσερές, υγιείς "
            "και ανθεκτικές.",
        ),
    },
    "blue-economy": {
        "name": Text("Blue economy", "Economia blava", "Niebieska gospodarka", "Γαλάζια οικονομία"),
        "description": Text(
            "Economic activity linked to the sea and the coast that keeps marine ecosystems healthy.",
            "Activitat econòmica vinculada al mar i la costa que manté sans els ecosistemes marins.",
            "Działalność gospodarcza związana z morzem i wybrzeżem, która dba o zdrowie ekosystemów morskich.",
            "Οικονομική δραστηριότητα που συνδέεται με τη θάλασσα και τις ακτές και διατηρεί υγιή τα "
            "θαλάσσια οικοσυστήματα.",
        ),
    },
    "urban-planning": {
        "name": Text(
            "Urban planning", "Planificació urbana", "Planowanie przestrzenne", "Πολεοδομικός σχεδιασμός"
        ),
        "description": Text(
            "Planning how a city grows and renews itself: land use, public space and neighbourhoods.",
            "Planificar com creix i es renova una ciutat: usos del sòl, espai públic i barris.",
            "Planowanie rozwoju i odnowy miasta: zagospodarowanie terenu, przestrzeń publiczna i dzielnice.",
            "Σχεδιασμός του πώς μια πόλη αναπτύσσεται και ανανεώνεται: χρήσεις γης, δημόσιος χώρος και γειτονιές.",
        ),
    },
    "mobility": {
        "name": Text("Mobility", "Mobilitat", "Mobilność", "Κινητικότητα"),
        "description": Text(
            "Walking, cycling, public transport and clean vehicles: getting around the city sustainably.",
            "A peu, en bicicleta, en transport públic o en vehicles nets: moure's per la ciutat de manera sostenible.",
            "Ruch pieszy i rowerowy, transport publiczny i czyste pojazdy: zrównoważone poruszanie się po mieście.",
            "Περπάτημα, ποδήλατο, δημόσιες συγκοινωνίες και καθαρά οχήματα: βιώσιμες μετακινήσεις στην πόλη.",
        ),
    },
    "smart-cities": {
        "name": Text("Smart cities", "Ciutats intel·ligents", "Inteligentne miasta", "Έξυπνες πόλεις"),
        "description": Text(
            "Digital tools and data that help a city run its services better for its residents.",
            "Eines digitals i dades que ajuden una ciutat a oferir millors serveis als seus habitants.",
            "Narzędzia cyfrowe i dane, które pomagają miastu lepiej służyć mieszkańcom.",
            "Ψηφιακά εργαλεία και δεδομένα που βοηθούν μια πόλη να προσφέρει καλύτερες υπηρεσίες στους "
            "κατοίκους της.",
        ),
    },
    "net-zero": {
        "name": Text("Net zero", "Zero emissions netes", "Zerowa emisja netto", "Μηδενικές καθαρές εκπομπές"),
        "description": Text(
            "Cutting greenhouse gas emissions until what remains is balanced by what is removed.",
            "Reduir les emissions de gasos d'efecte hivernacle fins que les que quedin es compensin amb "
            "les que s'absorbeixen.",
            "Ograniczanie emisji gazów cieplarnianych, aż pozostała emisja zostanie zrównoważona jej pochłanianiem.",
            "Μείωση των εκπομπών αερίων του θερμοκηπίου ώσπου όσες απομένουν να αντισταθμίζονται από "
            "όσες απορροφώνται.",
        ),
    },
}

Kind = Organisation.Kind

# key: (source language, fields with Text leaves, synchronised fields)
ORGANISATIONS = {
    "dg-regio": (
        "en",
        {
            "name": Text(
                "Directorate-General for Regional and Urban Policy",
                "Direcció General de Política Regional i Urbana",
                "Dyrekcja Generalna ds. Polityki Regionalnej i Miejskiej",
                "Γενική Διεύθυνση Περιφερειακής και Αστικής Πολιτικής",
            ),
            "short_name": same("DG REGIO"),
            "description": Text(
                "The European Commission's department for regional and urban policy. It manages ICP AGIR "
                "and runs IURC together with the Service for Foreign Policy Instruments.",
                "El departament de la Comissió Europea responsable de la política regional i urbana. "
                "Gestiona l'ICP AGIR i porta l'IURC juntament amb el Servei d'Instruments de Política Exterior.",
                "Departament Komisji Europejskiej odpowiedzialny za politykę regionalną i miejską. Zarządza "
                "programem ICP AGIR, a program IURC prowadzi wspólnie ze Służbą ds. Instrumentów Polityki "
                "Zagranicznej.",
                "Η υπηρεσία της Ευρωπαϊκής Επιτροπής για την περιφερειακή και αστική πολιτική. Διαχειρίζεται "
                "το ICP AGIR και υλοποιεί το IURC μαζί με την Υπηρεσία Μέσων Εξωτερικής Πολιτικής.",
            ),
        },
        {"kind": Kind.MANAGING_BODY, "country": "BE", "website": "https://ec.europa.eu/regional_policy/"},
    ),
    "fpi": (
        "en",
        {
            "name": Text(
                "Service for Foreign Policy Instruments",
                "Servei d'Instruments de Política Exterior",
                "Służba ds. Instrumentów Polityki Zagranicznej",
                "Υπηρεσία Μέσων Εξωτερικής Πολιτικής",
            ),
            "short_name": same("FPI"),
            "description": Text(
                "European Commission service that implements IURC jointly with DG REGIO.",
                "Servei de la Comissió Europea que executa l'IURC conjuntament amb la DG REGIO.",
                "Służba Komisji Europejskiej, która realizuje program IURC wspólnie z DG REGIO.",
                "Υπηρεσία της Ευρωπαϊκής Επιτροπής που υλοποιεί το IURC από κοινού με τη ΓΔ REGIO.",
            ),
        },
        {"kind": Kind.MANAGING_BODY, "country": "BE"},
    ),
    "european-commission": (
        "en",
        {
            "name": Text(
                "European Commission", "Comissió Europea", "Komisja Europejska", "Ευρωπαϊκή Επιτροπή"
            ),
            "description": Text(
                "The EU's executive. It set up the Smart Cities Marketplace and its Small Giants focus group, "
                "and supports SMCNetZero under Horizon Europe.",
                "L'executiu de la UE. Va crear el Mercat de Ciutats Intel·ligents i el seu grup focal Small "
                "Giants, i dona suport a SMCNetZero dins d'Horitzó Europa.",
                "Organ wykonawczy UE. Utworzyła Smart Cities Marketplace i działającą w jego ramach grupę "
                "fokusową Small Giants oraz wspiera projekt SMCNetZero w programie „Horyzont Europa”.",
                "Το εκτελεστικό όργανο της ΕΕ. Δημιούργησε το Smart Cities Marketplace και την ομάδα εστίασης "
                "Small Giants και στηρίζει το SMCNetZero στο πλαίσιο του «Ορίζων Ευρώπη».",
            ),
        },
        {"kind": Kind.MANAGING_BODY, "country": "BE", "website": "https://commission.europa.eu/"},
    ),
    "ramboll": (
        "en",
        {
            "name": same("Ramboll"),
            "description": Text(
                "Engineering and consultancy company, the contractor selected to support the delivery of ICP AGIR.",
                "Empresa d'enginyeria i consultoria, contractista seleccionada per donar suport a l'execució "
                "de l'ICP AGIR.",
                "Firma inżynieryjno-doradcza, wykonawca wybrany do wspierania realizacji programu ICP AGIR.",
                "Εταιρεία μηχανικών και συμβούλων, ο ανάδοχος που επιλέχθηκε για να στηρίξει την υλοποίηση "
                "του ICP AGIR.",
            ),
        },
        {"kind": Kind.CONTRACTOR, "country": "DK", "website": "https://www.ramboll.com/"},
    ),
    "iuc-coordination-unit": (
        "en",
        {
            "name": Text(
                "IUC Coordination Unit",
                "Unitat de coordinació de l'IUC",
                "Jednostka koordynująca IUC",
                "Μονάδα συντονισμού του IUC",
            ),
            "description": Text(
                "Coordinates the International Urban Cooperation programme and answers questions about "
                "eligibility.",
                "Coordina el programa de Cooperació Urbana Internacional i respon els dubtes sobre els "
                "requisits per participar-hi.",
                "Koordynuje program Międzynarodowej Współpracy Miejskiej i odpowiada na pytania o warunki udziału.",
                "Συντονίζει το πρόγραμμα Διεθνούς Αστικής Συνεργασίας και απαντά σε ερωτήσεις για τις "
                "προϋποθέσεις συμμετοχής.",
            ),
        },
        {"kind": Kind.CONTRACTOR, "email": "coordination-unit@iuc-europe.eu"},
    ),
    "urbact-poland": (
        "pl",
        {
            "name": Text(
                "URBACT National Point for Poland",
                "Punt Nacional URBACT de Polònia",
                "Krajowy Punkt URBACT",
                "Εθνικό Σημείο URBACT της Πολωνίας",
            ),
            "short_name": same("URBACT Polska"),
            "description": Text(
                "Poland's national point of the URBACT programme; it informs Polish cities about the IUC call.",
                "Punt nacional del programa URBACT a Polònia; informa les ciutats poloneses sobre la "
                "convocatòria de l'IUC.",
                "Krajowy punkt programu URBACT w Polsce; informuje polskie miasta o naborze do programu IUC.",
                "Το εθνικό σημείο του προγράμματος URBACT στην Πολωνία· ενημερώνει τις πολωνικές πόλεις για "
                "την πρόσκληση του IUC.",
            ),
        },
        {
            "kind": Kind.CONTACT_POINT,
            "country": "PL",
            "website": "https://www.urbact.pl/",
            "email": "info@urbact.pl",
        },
    ),
    "zmp": (
        "pl",
        {
            "name": Text(
                "Association of Polish Cities",
                "Associació de Ciutats Poloneses",
                "Związek Miast Polskich",
                "Ένωση Πολωνικών Πόλεων",
            ),
            "short_name": same("ZMP"),
            "description": Text(
                "Nationwide association of Polish cities, based at ul. Robocza 46A in Poznań.",
                "Associació de ciutats de tot Polònia, amb seu al carrer Robocza 46A de Poznań.",
                "Ogólnopolskie stowarzyszenie miast z siedzibą w Poznaniu, ul. Robocza 46A.",
                "Πανεθνική ένωση πολωνικών πόλεων με έδρα την οδό Robocza 46A στο Πόζναν.",
            ),
        },
        {"kind": Kind.CONTACT_POINT, "country": "PL", "website": "https://www.zmp.poznan.pl/"},
    ),
    "szgip": (
        "pl",
        {
            "name": Text(
                "Silesian Association of Municipalities and Districts",
                "Associació de Municipis i Districtes de Silèsia",
                "Śląski Związek Gmin i Powiatów",
                "Ένωση Δήμων και Κομητειών της Σιλεσίας",
            ),
            "short_name": same("ŚZGiP"),
            "description": Text(
                "Association of the municipalities and districts of the Silesian Voivodeship, based at "
                "ul. Kościuszki 43/5 in Katowice.",
                "Associació dels municipis i districtes del voivodat de Silèsia, amb seu al carrer "
                "Kościuszki 43/5 de Katowice.",
                "Związek gmin i powiatów województwa śląskiego z siedzibą w Katowicach, ul. Kościuszki 43/5.",
                "Ένωση των δήμων και των κομητειών του βοεβοδάτου της Σιλεσίας με έδρα την οδό "
                "Kościuszki 43/5 στο Κατοβίτσε.",
            ),
        },
        {"kind": Kind.CONTACT_POINT, "country": "PL", "website": "https://www.silesia.org.pl/"},
    ),
    "diba-europe-office": (
        "ca",
        {
            "name": Text(
                "Office for Europe and International Strategy, Barcelona Provincial Council",
                "Oficina d'Europa i Estratègia Internacional de la Diputació de Barcelona",
                "Biuro ds. Europy i Strategii Międzynarodowej Rady Prowincji Barcelona",
                "Γραφείο Ευρώπης και Διεθνούς Στρατηγικής του Επαρχιακού Συμβουλίου της Βαρκελώνης",
            ),
            "description": Text(
                "Keeps the municipalities of the province of Barcelona informed about European programmes "
                "such as the Smart Cities Marketplace.",
                "Informa els municipis de la província de Barcelona sobre programes europeus com el Mercat "
                "de Ciutats Intel·ligents.",
                "Informuje gminy prowincji Barcelona o programach europejskich, takich jak Smart Cities Marketplace.",
                "Ενημερώνει τους δήμους της επαρχίας της Βαρκελώνης για ευρωπαϊκά προγράμματα όπως το Smart "
                "Cities Marketplace.",
            ),
        },
        {
            "kind": Kind.CONTACT_POINT,
            "country": "ES",
            "website": "https://europa.diba.cat/",
            "email": "o.europa.eint@diba.cat",
        },
    ),
    "smcnetzero": (
        "ca",
        {
            "name": Text(
                "SMCNetZero consortium",
                "Consorci SMCNetZero",
                "Konsorcjum SMCNetZero",
                "Κοινοπραξία SMCNetZero",
            ),
            "short_name": same("SMCNetZero"),
            "description": Text(
                "Horizon Europe project that builds and strengthens local innovation ecosystems in small and "
                "medium-sized cities on their way to net zero.",
                "Projecte d'Horitzó Europa que crea i reforça ecosistemes locals d'innovació a les ciutats "
                "petites i mitjanes en el camí cap a zero emissions netes.",
                "Projekt programu „Horyzont Europa”, który tworzy i wzmacnia lokalne ekosystemy innowacji w "
                "małych i średnich miastach na drodze do zerowej emisji netto.",
                "Έργο του «Ορίζων Ευρώπη» που δημιουργεί και ενισχύει τοπικά οικοσυστήματα καινοτομίας σε "
                "μικρές και μεσαίες πόλεις στον δρόμο προς τις μηδενικές καθαρές εκπομπές.",
            ),
        },
        {"kind": Kind.CONTRACTOR, "website": "https://smcnetzero.eu/"},
    ),
}


def build_taxonomy():
    """Themes (written in English) and organisations (each in its source language)."""
    themes = {}
    for slug, text in THEMES.items():
        theme = factories.theme(slug, **resolve(text, "en"), locale="en")
        themes[slug] = in_all_languages(theme, text, "en")
    organisations = {}
    for key, (source, text, facts) in ORGANISATIONS.items():
        values = resolve(text, source)
        organisation = factories.organisation(values.pop("name"), locale=source, **values, **facts)
        organisations[key] = in_all_languages(organisation, text, source)
    return themes, organisations
