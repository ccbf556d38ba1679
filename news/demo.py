"""The five seed announcements as news items, each in the language of its seed.

Dates: the Catalan ICP AGIR post is dated 4 November 2021; the English ICP AGIR call takes the
date of the announcement the Catalan post links to (27 October 2021). The other seeds carry no
date: the IUC call is dated before its deadline (1 September 2017), the Piraeus item at the
start of the partnership (1 September 2021) and the Small Giants item before the group's first
meeting (1 March 2024).
"""

from datetime import date

from base.demo import call_to_action, heading, in_all_languages, paragraph
from base.demo.text import Rich, Text, resolve, slugs
from news import factories as news_factories
from programmes.demo import ICP_AGIR_URL


def _news(source, programme, themes, day, text):
    text.setdefault("slug", slugs(text["title"]))
    return {"source": source, "programme": programme, "themes": themes, "date": day, "text": text}


_ICP_AGIR_CA_TITLE = Text(
    "ICP AGIR: European cities to work with Canada, South Africa and Asia",
    "ICP AGIR: ciutats europees cooperaran amb el Canadà, Sud-àfrica i Àsia",
    "ICP AGIR: miasta europejskie będą współpracować z Kanadą, RPA i Azją",
    "ICP AGIR: ευρωπαϊκές πόλεις θα συνεργαστούν με τον Καναδά, τη Νότια Αφρική και την Ασία",
)
_ICP_AGIR_EN_TITLE = Text(
    "Cities can apply to ICP AGIR until 15 November 2021",
    "Les ciutats poden presentar-se a l'ICP AGIR fins al 15 de novembre de 2021",
    "Miasta mogą zgłaszać się do ICP AGIR do 15 listopada 2021 r.",
    "Οι πόλεις μπορούν να υποβάλουν αίτηση στο ICP AGIR έως τις 15 Νοεμβρίου 2021",
)
_IUC_TITLE = Text(
    "EU cities can apply to the IUC programme until 21 September 2017",
    "Les ciutats de la UE poden presentar-se al programa IUC fins al 21 de setembre de 2017",
    "Miasta UE mogą do 21 września 2017 r. zgłaszać się do programu IUC",
    "Οι πόλεις της ΕΕ μπορούν να υποβάλουν αίτηση στο πρόγραμμα IUC έως τις 21 Σεπτεμβρίου 2017",
)
_PIRAEUS_TITLE = Text(
    "Piraeus teams up with Puerto Montt in Chile under IURC",
    "El Pireu col·labora amb Puerto Montt (Xile) dins de l'IURC",
    "Pireus współpracuje z chilijskim Puerto Montt w programie IURC",
    "Ο Πειραιάς συνεργάζεται με το Πουέρτο Μοντ της Χιλής στο πρόγραμμα IURC",
)
_SMALL_CITIES_TITLE = Text(
    "EU support for small cities: Small Giants and SMCNetZero training",
    "Suport europeu a les ciutats petites: Small Giants i formació SMCNetZero",
    "Wsparcie UE dla małych miast: Small Giants i szkolenia SMCNetZero",
    "Στήριξη της ΕΕ στις μικρές πόλεις: Small Giants και εκπαίδευση SMCNetZero",
)

NEWS = [
    _news(
        "ca",
        "icp-agir",
        ["circular-economy", "air-quality", "energy-transition", "migrant-integration"],
        date(2021, 11, 4),
        {
            "title": _ICP_AGIR_CA_TITLE,
            "introduction": Text(
                "A new EU programme managed by DG REGIO invites European local authorities to work with cities "
                "in Canada, South Africa, Singapore, South Korea, Taiwan and Hong Kong. Applications are open "
                "until 15 November 2021.",
                "Un nou programa de la UE gestionat per la DG REGIO convida les autoritats locals europees a "
                "treballar amb ciutats del Canadà, Sud-àfrica, Singapur, Corea del Sud, Taiwan i Hong Kong. Les "
                "candidatures es poden presentar fins al 15 de novembre de 2021.",
                "Nowy program UE zarządzany przez DG REGIO zaprasza europejskie władze lokalne do współpracy z "
                "miastami w Kanadzie, RPA, Singapurze, Korei Południowej, na Tajwanie i w Hongkongu. Zgłoszenia "
                "przyjmowane są do 15 listopada 2021 r.",
                "Ένα νέο πρόγραμμα της ΕΕ, που το διαχειρίζεται η ΓΔ REGIO, καλεί τις ευρωπαϊκές τοπικές αρχές να "
                "συνεργαστούν με πόλεις του Καναδά, της Νότιας Αφρικής, της Σιγκαπούρης, της Νότιας Κορέας, της "
                "Ταϊβάν και του Χονγκ Κονγκ. Οι αιτήσεις υποβάλλονται έως τις 15 Νοεμβρίου 2021.",
            ),
            "body": [
                paragraph(
                    Rich(
                        "<p>The programme focuses on four challenges that cities everywhere share: the circular "
                        "economy, air quality, the energy transition and the integration of migrants and refugees.</p>"
                        "<p>Participating cities will share innovative policies and programmes and learn from each "
                        "other's good practice and experience. The programme also wants to encourage business "
                        "cooperation and local economic development, including low-carbon development.</p>",
                        "<p>El programa se centra en quatre reptes que comparteixen les ciutats de tot el món: "
                        "l'economia circular, la qualitat de l'aire, la transició energètica i la integració de les "
                        "persones migrants i refugiades.</p>"
                        "<p>Les ciutats participants compartiran polítiques i programes innovadors i aprendran de "
                        "les bones pràctiques i de l'experiència de les altres. El programa també vol afavorir la "
                        "cooperació empresarial i el desenvolupament econòmic local, inclòs el de baixes emissions "
                        "de carboni.</p>",
                        "<p>Program koncentruje się na czterech wyzwaniach wspólnych dla miast na całym świecie: "
                        "gospodarce o obiegu zamkniętym, jakości powietrza, transformacji energetycznej oraz "
                        "integracji migrantów i uchodźców.</p>"
                        "<p>Uczestniczące miasta będą dzielić się innowacyjnymi politykami i programami oraz uczyć "
                        "się nawzajem na dobrych praktykach i doświadczeniach. Program ma też wspierać współpracę "
                        "biznesową i lokalny rozwój gospodarczy, w tym rozwój niskoemisyjny.</p>",
                        "<p>Το πρόγραμμα εστιάζει σε τέσσερις προκλήσεις που μοιράζονται οι πόλεις παντού: την "
                        "κυκλική οικονομία, την ποιότητα του αέρα, την ενεργειακή μετάβαση και την ένταξη μεταναστών "
                        "και προσφύγων.</p>"
                        "<p>Οι πόλεις που συμμετέχουν θα ανταλλάξουν καινοτόμες πολιτικές και προγράμματα και θα "
                        "μάθουν η μία από τις καλές πρακτικές και την εμπειρία της άλλης. Το πρόγραμμα θέλει επίσης "
                        "να ενθαρρύνει την επιχειρηματική συνεργασία και την τοπική οικονομική ανάπτυξη, μεταξύ "
                        "άλλων με χαμηλές εκπομπές άνθρακα.</p>",
                    )
                ),
                heading(Text("Timeline", "Calendari", "Harmonogram", "Χρονοδιάγραμμα")),
                paragraph(
                    Rich(
                        "<ul><li>October to December 2021: selection of four cities in Canada, four in South Africa, "
                        "Singapore, Hong Kong, two cities in South Korea, two in Taiwan and fourteen in the EU.</li>"
                        "<li>January to March 2022: the thematic clusters take shape.</li>"
                        "<li>April 2022: first six-day working meeting and study visit, in a city outside the EU.</li>"
                        "<li>May to December 2022: online cooperation, open to guest speakers.</li>"
                        "<li>October 2022: second working meeting and study visit, in a European city.</li>"
                        "<li>February 2023: closing conference.</li></ul>",
                        "<ul><li>D'octubre a desembre de 2021: selecció de quatre ciutats del Canadà, quatre de "
                        "Sud-àfrica, Singapur, Hong Kong, dues ciutats de Corea del Sud, dues de Taiwan i catorze de "
                        "la UE.</li>"
                        "<li>De gener a març de 2022: es consoliden els clústers temàtics.</li>"
                        "<li>Abril de 2022: primera trobada de treball i visita d'estudi, de sis dies, en una ciutat "
                        "de fora de la UE.</li>"
                        "<li>De maig a desembre de 2022: cooperació en línia, oberta a ponents convidats.</li>"
                        "<li>Octubre de 2022: segona trobada de treball i visita d'estudi, en una ciutat europea.</li>"
                        "<li>Febrer de 2023: conferència de cloenda.</li></ul>",
                        "<ul><li>Październik–grudzień 2021 r.: wybór czterech miast z Kanady, czterech z RPA, "
                        "Singapuru, Hongkongu, dwóch miast z Korei Południowej, dwóch z Tajwanu i czternastu z UE.</li>"
                        "<li>Styczeń–marzec 2022 r.: powstają klastry tematyczne.</li>"
                        "<li>Kwiecień 2022 r.: pierwsze sześciodniowe spotkanie robocze i wizyta studyjna w mieście "
                        "poza UE.</li>"
                        "<li>Maj–grudzień 2022 r.: współpraca online, otwarta dla zaproszonych prelegentów.</li>"
                        "<li>Październik 2022 r.: drugie spotkanie robocze i wizyta studyjna w mieście europejskim.</li>"
                        "<li>Luty 2023 r.: konferencja zamykająca.</li></ul>",
                        "<ul><li>Οκτώβριος–Δεκέμβριος 2021: επιλογή τεσσάρων πόλεων του Καναδά, τεσσάρων της Νότιας "
                        "Αφρικής, της Σιγκαπούρης, του Χονγκ Κονγκ, δύο πόλεων της Νότιας Κορέας, δύο της Ταϊβάν και "
                        "δεκατεσσάρων της ΕΕ.</li>"
                        "<li>Ιανουάριος–Μάρτιος 2022: διαμορφώνονται οι θεματικές ομάδες.</li>"
                        "<li>Απρίλιος 2022: πρώτη εξαήμερη συνάντηση εργασίας και επίσκεψη μελέτης, σε πόλη εκτός ΕΕ.</li>"
                        "<li>Μάιος–Δεκέμβριος 2022: διαδικτυακή συνεργασία, ανοιχτή σε προσκεκλημένους ομιλητές.</li>"
                        "<li>Οκτώβριος 2022: δεύτερη συνάντηση εργασίας και επίσκεψη μελέτης, σε ευρωπαϊκή πόλη.</li>"
                        "<li>Φεβρουάριος 2023: καταληκτήριο συνέδριο.</li></ul>",
                    )
                ),
                call_to_action(
                    Text(
                        "Read the announcement",
                        "Llegiu l'anunci",
                        "Przeczytaj ogłoszenie",
                        "Διαβάστε την ανακοίνωση",
                    ),
                    ICP_AGIR_URL,
                ),
            ],
        },
    ),
    _news(
        "en",
        "icp-agir",
        ["circular-economy", "air-quality", "energy-transition", "migrant-integration"],
        date(2021, 10, 27),
        {
            "title": _ICP_AGIR_EN_TITLE,
            "introduction": Text(
                "ICP AGIR, a DG REGIO programme that began as a European Parliament pilot project, is looking for "
                "cities in the EU, Canada, South Africa and Asia for 18 months of cooperation.",
                "L'ICP AGIR, un programa de la DG REGIO que va néixer com a projecte pilot del Parlament Europeu, "
                "busca ciutats de la UE, el Canadà, Sud-àfrica i Àsia per a 18 mesos de cooperació.",
                "ICP AGIR, program DG REGIO, który zaczynał jako projekt pilotażowy Parlamentu Europejskiego, "
                "szuka miast z UE, Kanady, RPA i Azji do 18 miesięcy współpracy.",
                "Το ICP AGIR, πρόγραμμα της ΓΔ REGIO που ξεκίνησε ως πιλοτικό έργο του Ευρωπαϊκού Κοινοβουλίου, "
                "αναζητά πόλεις από την ΕΕ, τον Καναδά, τη Νότια Αφρική και την Ασία για 18 μήνες συνεργασίας.",
            ),
            "body": [
                paragraph(
                    Rich(
                        "<p>The programme wants cities to learn from concrete examples: what worked elsewhere, and "
                        "why. It covers four themes: the circular economy, air quality, the energy transition, and "
                        "the integration of migrants and refugees.</p>"
                        "<p>Ramboll is the contractor selected to support delivery. Selected cities will be grouped in "
                        "thematic clusters, paired with a city on another continent and supported by a pairing "
                        "manager.</p>"
                        "<p>Working meetings and study visits will take place in EU and non-EU countries, and the work "
                        "continues online in between. Businesses, public and private agencies, universities and "
                        "research centres will be involved wherever possible.</p>",
                        "<p>El programa vol que les ciutats aprenguin d'exemples concrets: què ha funcionat en altres "
                        "llocs i per què. Tracta quatre temes: l'economia circular, la qualitat de l'aire, la "
                        "transició energètica i la integració de les persones migrants i refugiades.</p>"
                        "<p>Ramboll és la contractista seleccionada per donar suport a l'execució. Les ciutats "
                        "seleccionades s'agruparan en clústers temàtics, s'aparellaran amb una ciutat d'un altre "
                        "continent i comptaran amb una persona gestora de l'aparellament.</p>"
                        "<p>Hi haurà trobades de treball i visites d'estudi en països de la UE i de fora de la UE, i "
                        "entremig la feina continuarà en línia. Sempre que sigui possible hi participaran empreses, "
                        "agències públiques i privades, universitats i centres de recerca.</p>",
                        "<p>Program chce, by miasta uczyły się na konkretnych przykładach: co sprawdziło się gdzie "
                        "indziej i dlaczego. Obejmuje cztery tematy: gospodarkę o obiegu zamkniętym, jakość "
                        "powietrza, transformację energetyczną oraz integrację migrantów i uchodźców.</p>"
                        "<p>Wykonawcą wybranym do wspierania realizacji jest Ramboll. Wybrane miasta zostaną "
                        "połączone w klastry tematyczne, otrzymają partnera z innego kontynentu i wsparcie opiekuna "
                        "pary.</p>"
                        "<p>Spotkania robocze i wizyty studyjne odbędą się w krajach UE i poza nią, a między nimi "
                        "praca będzie toczyć się online. Tam, gdzie to możliwe, włączone zostaną firmy, agencje "
                        "publiczne i prywatne, uczelnie i ośrodki badawcze.</p>",
                        "<p>Το πρόγραμμα θέλει οι πόλεις να μαθαίνουν από συγκεκριμένα παραδείγματα: τι πέτυχε "
                        "αλλού και γιατί. Καλύπτει τέσσερα θέματα: την κυκλική οικονομία, την ποιότητα του αέρα, την "
                        "ενεργειακή μετάβαση και την ένταξη μεταναστών και προσφύγων.</p>"
                        "<p>Ανάδοχος για τη στήριξη της υλοποίησης έχει επιλεγεί η Ramboll. Οι πόλεις που θα "
                        "επιλεγούν θα οργανωθούν σε θεματικές ομάδες, θα σχηματίσουν ζεύγος με μια πόλη άλλης "
                        "ηπείρου και θα έχουν τη στήριξη ενός υπευθύνου ζεύγους.</p>"
                        "<p>Συναντήσεις εργασίας και επισκέψεις μελέτης θα γίνουν σε χώρες εντός και εκτός ΕΕ, ενώ "
                        "στο μεσοδιάστημα η δουλειά θα συνεχίζεται διαδικτυακά. Όπου είναι δυνατόν θα συμμετέχουν "
                        "επιχειρήσεις, δημόσιοι και ιδιωτικοί φορείς, πανεπιστήμια και ερευνητικά κέντρα.</p>",
                    )
                ),
                call_to_action(
                    Text(
                        "Fill in the online questionnaire",
                        "Ompliu el qüestionari en línia",
                        "Wypełnij ankietę internetową",
                        "Συμπληρώστε το ηλεκτρονικό ερωτηματολόγιο",
                    ),
                    ICP_AGIR_URL,
                ),
            ],
        },
    ),
    _news(
        "pl",
        "iuc",
        ["urban-planning"],
        date(2017, 9, 1),
        {
            "title": _IUC_TITLE,
            "introduction": Text(
                "The International Urban Cooperation programme (IUC) is looking for EU cities, especially those "
                "with more than 50,000 inhabitants, that want to work for at least 18 months with a city in the "
                "Americas or Asia.",
                "El programa de Cooperació Urbana Internacional (IUC) busca ciutats de la UE, sobretot de més de "
                "50.000 habitants, que vulguin treballar almenys 18 mesos amb una ciutat d'Amèrica o d'Àsia.",
                "Program Międzynarodowej Współpracy Miejskiej (IUC) szuka miast z UE, zwłaszcza liczących ponad "
                "50 000 mieszkańców, które chcą przez co najmniej 18 miesięcy współpracować z miastem w Ameryce "
                "lub Azji.",
                "Το πρόγραμμα Διεθνούς Αστικής Συνεργασίας (IUC) αναζητά πόλεις της ΕΕ, ιδίως με περισσότερους "
                "από 50.000 κατοίκους, που θέλουν να συνεργαστούν για τουλάχιστον 18 μήνες με μια πόλη της "
                "Αμερικής ή της Ασίας.",
            ),
            "body": [
                paragraph(
                    Rich(
                        "<p>In this call, EU cities can choose a partner in Argentina, Brazil, Canada, Chile, Colombia, "
                        "India, Japan, Mexico, Peru or the United States. China was covered by an earlier call.</p>"
                        "<p>Pairs are formed so that both cities face similar challenges. Their representatives take "
                        "part in training, seminars, staff exchanges and study visits, and together they prepare a "
                        "local action plan for sustainable development in a field they choose.</p>"
                        "<p>Questions can go to the IUC Coordination Unit (coordination-unit@iuc-europe.eu) and, in "
                        "Poland, to the URBACT National Point (info@urbact.pl), the Association of Polish Cities in "
                        "Poznań and the Silesian Association of Municipalities and Districts in Katowice.</p>",
                        "<p>En aquesta convocatòria, les ciutats de la UE poden triar una ciutat sòcia a l'Argentina, "
                        "el Brasil, el Canadà, Xile, Colòmbia, l'Índia, el Japó, Mèxic, el Perú o els Estats Units. La "
                        "Xina es va cobrir en una convocatòria anterior.</p>"
                        "<p>Les parelles es formen de manera que totes dues ciutats afrontin reptes semblants. Els seus "
                        "representants participen en formacions, seminaris, intercanvis de personal i visites d'estudi, "
                        "i junts preparen un pla d'acció local de desenvolupament sostenible en un àmbit que trien.</p>"
                        "<p>Els dubtes es poden adreçar a la Unitat de coordinació de l'IUC "
                        "(coordination-unit@iuc-europe.eu) i, a Polònia, al Punt Nacional URBACT (info@urbact.pl), a "
                        "l'Associació de Ciutats Poloneses, a Poznań, i a l'Associació de Municipis i Districtes de "
                        "Silèsia, a Katowice.</p>",
                        "<p>W tym naborze miasta z Unii mogą wybrać partnera w Argentynie, Brazylii, Chile, Indiach, "
                        "Japonii, Kanadzie, Kolumbii, Meksyku, Peru lub Stanach Zjednoczonych. Chiny objął wcześniejszy "
                        "nabór.</p>"
                        "<p>Pary tworzy się tak, by oba miasta mierzyły się z podobnymi wyzwaniami. Ich przedstawiciele "
                        "uczestniczą w szkoleniach, seminariach, wymianach pracowników i wizytach studyjnych, a razem "
                        "przygotowują lokalny plan działania na rzecz zrównoważonego rozwoju w wybranej dziedzinie.</p>"
                        "<p>Pytania można kierować do jednostki koordynującej IUC (coordination-unit@iuc-europe.eu), a "
                        "w Polsce do Krajowego Punktu URBACT (info@urbact.pl), Związku Miast Polskich w Poznaniu i "
                        "Śląskiego Związku Gmin i Powiatów w Katowicach.</p>",
                        "<p>Σε αυτή την πρόσκληση, οι πόλεις της ΕΕ μπορούν να επιλέξουν εταίρο στην Αργεντινή, τη "
                        "Βραζιλία, τον Καναδά, τη Χιλή, την Κολομβία, την Ινδία, την Ιαπωνία, το Μεξικό, το Περού ή τις "
                        "Ηνωμένες Πολιτείες. Η Κίνα καλύφθηκε από προηγούμενη πρόσκληση.</p>"
                        "<p>Τα ζεύγη σχηματίζονται έτσι ώστε και οι δύο πόλεις να αντιμετωπίζουν παρόμοιες "
                        "προκλήσεις. Οι εκπρόσωποί τους συμμετέχουν σε εκπαιδεύσεις, σεμινάρια, ανταλλαγές προσωπικού "
                        "και επισκέψεις μελέτης και ετοιμάζουν μαζί ένα τοπικό σχέδιο δράσης για βιώσιμη ανάπτυξη σε "
                        "έναν τομέα της επιλογής τους.</p>"
                        "<p>Ερωτήσεις μπορούν να σταλούν στη Μονάδα συντονισμού του IUC "
                        "(coordination-unit@iuc-europe.eu) και, στην Πολωνία, στο Εθνικό Σημείο URBACT "
                        "(info@urbact.pl), στην Ένωση Πολωνικών Πόλεων στο Πόζναν και στην Ένωση Δήμων και Κομητειών "
                        "της Σιλεσίας στο Κατοβίτσε.</p>",
                    )
                ),
            ],
        },
    ),
    _news(
        "el",
        "iurc",
        ["nature-based-solutions", "blue-economy", "urban-planning"],
        date(2021, 9, 1),
        {
            "title": _PIRAEUS_TITLE,
            "introduction": Text(
                "For 24 months from September 2021, the two port cities exchange experience on nature-based "
                "solutions and the blue economy.",
                "Durant 24 mesos a partir del setembre de 2021, les dues ciutats portuàries intercanvien "
                "experiències sobre solucions basades en la natura i economia blava.",
                "Przez 24 miesiące od września 2021 r. oba miasta portowe wymieniają się doświadczeniami w "
                "dziedzinie rozwiązań opartych na przyrodzie i niebieskiej gospodarki.",
                "Για 24 μήνες από τον Σεπτέμβριο του 2021, οι δύο πόλεις-λιμάνια ανταλλάσσουν εμπειρίες για λύσεις "
                "βασισμένες στη φύση και για τη γαλάζια οικονομία.",
            ),
            "body": [
                paragraph(
                    Rich(
                        "<p>IURC continues the International Urban Cooperation programme (IUC, 2017–2020), in which more "
                        "than 200 cities and regions took part. It is implemented jointly by the Service for Foreign "
                        "Policy Instruments and the Directorate-General for Regional and Urban Policy of the European "
                        "Commission.</p>"
                        "<p>Piraeus and Puerto Montt will visit each other and take part in international meetings, at "
                        "the programme's expense. At the end they will write a joint action plan based on what they "
                        "have learned.</p>",
                        "<p>L'IURC continua el programa de Cooperació Urbana Internacional (IUC, 2017–2020), en què van "
                        "participar més de 200 ciutats i regions. L'executen conjuntament el Servei d'Instruments de "
                        "Política Exterior i la Direcció General de Política Regional i Urbana de la Comissió Europea.</p>"
                        "<p>El Pireu i Puerto Montt es visitaran mútuament i participaran en trobades internacionals, a "
                        "càrrec del programa. Al final redactaran un pla d'acció conjunt basat en el que hauran après.</p>",
                        "<p>IURC jest kontynuacją programu Międzynarodowej Współpracy Miejskiej (IUC, 2017–2020), w "
                        "którym wzięło udział ponad 200 miast i regionów. Realizują go wspólnie Służba ds. Instrumentów "
                        "Polityki Zagranicznej i Dyrekcja Generalna ds. Polityki Regionalnej i Miejskiej Komisji "
                        "Europejskiej.</p>"
                        "<p>Pireus i Puerto Montt odwiedzą się nawzajem i wezmą udział w spotkaniach międzynarodowych na "
                        "koszt programu. Na koniec przygotują wspólny plan działania oparty na tym, czego się "
                        "nauczyły.</p>",
                        "<p>Το IURC είναι η συνέχεια του προγράμματος Διεθνούς Αστικής Συνεργασίας (IUC, 2017–2020), "
                        "στο οποίο πήραν μέρος πάνω από 200 πόλεις και περιφέρειες. Το υλοποιούν από κοινού η Υπηρεσία "
                        "Μέσων Εξωτερικής Πολιτικής και η Γενική Διεύθυνση Περιφερειακής και Αστικής Πολιτικής της "
                        "Ευρωπαϊκής Επιτροπής.</p>"
                        "<p>Ο Πειραιάς και το Πουέρτο Μοντ θα επισκεφθούν ο ένας τον άλλον και θα συμμετάσχουν σε "
                        "διεθνείς συναντήσεις, με έξοδα του προγράμματος. Στο τέλος θα συντάξουν μαζί ένα Σχέδιο "
                        "Δράσης με βάση όσα έμαθαν.</p>",
                    )
                ),
            ],
        },
    ),
    _news(
        "ca",
        "smart-cities-marketplace",
        ["smart-cities", "net-zero", "circular-economy", "mobility"],
        date(2024, 3, 1),
        {
            "title": _SMALL_CITIES_TITLE,
            "introduction": Text(
                "The European Commission opens the Small Giants focus group, which meets for the first time on 13 "
                "March 2024, and SMCNetZero offers two training modules in April.",
                "La Comissió Europea obre el grup focal Small Giants, que es reunirà per primer cop el 13 de març "
                "de 2024, i SMCNetZero ofereix dos mòduls de formació a l'abril.",
                "Komisja Europejska uruchamia grupę fokusową Small Giants, która spotka się po raz pierwszy 13 "
                "marca 2024 r., a SMCNetZero proponuje w kwietniu dwa moduły szkoleniowe.",
                "Η Ευρωπαϊκή Επιτροπή ανοίγει την ομάδα εστίασης Small Giants, που συναντιέται για πρώτη φορά στις "
                "13 Μαρτίου 2024, και το SMCNetZero προσφέρει δύο εκπαιδευτικές ενότητες τον Απρίλιο.",
            ),
            "body": [
                paragraph(
                    Rich(
                        "<p>The Small Giants focus group, part of the Smart Cities Marketplace, looks for replicable "
                        "methods and solutions for the challenges of semi-urban areas, from the circular economy to "
                        "mobility. To join, you only need to be willing to share your views in a few open online "
                        "workshops.</p>"
                        "<p>SMCNetZero, a Horizon Europe project, trains small and medium-sized cities on their way to "
                        "net zero. The next modules are:</p>"
                        "<ul><li>enabling stage: 10 and 11 April 2024, in Copenhagen;</li>"
                        "<li>local adaptation stage: 25 April 2024, online.</li></ul>",
                        "<p>El grup focal Small Giants, dins del Mercat de Ciutats Intel·ligents, busca mètodes i "
                        "solucions replicables per als reptes de les zones semiurbanes, de l'economia circular a la "
                        "mobilitat. Per participar-hi només cal voler compartir opinions en uns quants tallers oberts "
                        "en línia.</p>"
                        "<p>SMCNetZero, un projecte d'Horitzó Europa, forma ciutats petites i mitjanes en el camí cap a "
                        "zero emissions netes. Els pròxims mòduls són:</p>"
                        "<ul><li>etapa d'habilitació: 10 i 11 d'abril de 2024, a Copenhaguen;</li>"
                        "<li>etapa d'adaptació local: 25 d'abril de 2024, en línia.</li></ul>",
                        "<p>Grupa fokusowa Small Giants, działająca w ramach Smart Cities Marketplace, szuka "
                        "powtarzalnych metod i rozwiązań dla wyzwań obszarów podmiejskich – od gospodarki o obiegu "
                        "zamkniętym po mobilność. Aby dołączyć, wystarczy chcieć dzielić się opiniami na kilku "
                        "otwartych warsztatach online.</p>"
                        "<p>SMCNetZero, projekt programu „Horyzont Europa”, szkoli małe i średnie miasta na drodze do "
                        "zerowej emisji netto. Najbliższe moduły to:</p>"
                        "<ul><li>etap tworzenia warunków: 10 i 11 kwietnia 2024 r. w Kopenhadze;</li>"
                        "<li>etap adaptacji lokalnej: 25 kwietnia 2024 r., online.</li></ul>",
                        "<p>Η ομάδα εστίασης Small Giants, μέρος του Smart Cities Marketplace, αναζητά μεθόδους και "
                        "λύσεις, επαναλήψιμες αλλού, για τις προκλήσεις των ημιαστικών περιοχών, από την κυκλική "
                        "οικονομία έως την κινητικότητα. Για να συμμετάσχετε, αρκεί να θέλετε να μοιραστείτε τις "
                        "απόψεις σας σε λίγα ανοιχτά διαδικτυακά εργαστήρια.</p>"
                        "<p>Το SMCNetZero, έργο του «Ορίζων Ευρώπη», εκπαιδεύει μικρές και μεσαίες πόλεις στον δρόμο "
                        "προς τις μηδενικές καθαρές εκπομπές. Οι επόμενες ενότητες είναι:</p>"
                        "<ul><li>στάδιο δημιουργίας προϋποθέσεων: 10 και 11 Απριλίου 2024, στην Κοπεγχάγη·</li>"
                        "<li>στάδιο τοπικής προσαρμογής: 25 Απριλίου 2024, διαδικτυακά.</li></ul>",
                    )
                ),
            ],
        },
    ),
]


def build_news(sections, themes, programmes):
    for item in NEWS:
        source = item["source"]
        page = news_factories.news_item(
            sections["news"][source],
            **resolve(item["text"], source),
            date=item["date"],
            programme=programmes[item["programme"]][source],
            themes=[themes[slug][source] for slug in item["themes"]],
        )
        in_all_languages(page, item["text"], source)
