"""Home page, section indexes and standard pages (about, accessibility, privacy), source English."""

from base.demo import heading, paragraph
from base.demo.text import Rich, Text

HOME = {
    "title": Text("City Cooperation", "Cooperació entre ciutats", "Współpraca miast", "Συνεργασία πόλεων"),
    "slug": Text("home", "home-ca", "home-pl", "home-el"),
    "introduction": Text(
        "EU programmes that bring cities together across continents.",
        "Programes de la UE que uneixen ciutats de diversos continents.",
        "Programy UE, które łączą miasta z różnych kontynentów.",
        "Προγράμματα της ΕΕ που φέρνουν κοντά πόλεις από διάφορες ηπείρους.",
    ),
}

PROGRAMMES = {
    "title": Text("Programmes", "Programes", "Programy", "Προγράμματα"),
    "slug": Text("programmes", "programes", "programy", "programmata"),
    "introduction": Text(
        "EU programmes that pair cities in Europe with cities on other continents: what each one "
        "offers, its calls and its timeline.",
        "Programes de la UE que aparellen ciutats d'Europa amb ciutats d'altres continents: què "
        "ofereix cadascun, les seves convocatòries i el seu calendari.",
        "Programy UE, które łączą w pary miasta europejskie z miastami na innych kontynentach: co "
        "oferują, jakie mają nabory i jaki harmonogram.",
        "Προγράμματα της ΕΕ που συνδέουν πόλεις της Ευρώπης με πόλεις άλλων ηπείρων: τι προσφέρει "
        "το καθένα, οι προσκλήσεις και το χρονοδιάγραμμά του.",
    ),
}

CITIES = {
    "title": Text("Cities", "Ciutats", "Miasta", "Πόλεις"),
    "slug": Text("cities", "ciutats", "miasta", "poleis"),
    "introduction": Text(
        "Cities taking part in the programmes, the themes they work on and the partners they are looking for.",
        "Ciutats que participen en els programes, els temes en què treballen i els socis que busquen.",
        "Miasta uczestniczące w programach, tematy, nad którymi pracują, i partnerzy, których szukają.",
        "Οι πόλεις που συμμετέχουν στα προγράμματα, τα θέματα με τα οποία ασχολούνται και οι εταίροι που αναζητούν.",
    ),
}

PARTNERSHIPS = {
    "title": Text("Partnerships", "Associacions", "Partnerstwa", "Συμπράξεις"),
    "slug": Text("partnerships", "associacions", "partnerstwa", "sympraxeis"),
    "introduction": Text(
        "City-to-city partnerships: who works with whom, on what, and what they have done together.",
        "Associacions entre ciutats: qui treballa amb qui, sobre quins temes i què han fet plegades.",
        "Partnerstwa miast: kto z kim współpracuje, w jakich dziedzinach i co udało się wspólnie zrobić.",
        "Συμπράξεις πόλεων: ποιος συνεργάζεται με ποιον, σε ποια θέματα και τι έχουν κάνει μαζί.",
    ),
}

NEWS = {
    "title": Text("News", "Notícies", "Aktualności", "Νέα"),
    "slug": Text("news", "noticies", "aktualnosci", "nea"),
    "introduction": Text(
        "News from the programmes and the cities, in four languages.",
        "Notícies dels programes i de les ciutats, en quatre llengües.",
        "Wiadomości z programów i miast w czterech językach.",
        "Νέα από τα προγράμματα και τις πόλεις, σε τέσσερις γλώσσες.",
    ),
}


ABOUT = {
    "title": Text("About this site", "Sobre aquest web", "O serwisie", "Σχετικά με τον ιστότοπο"),
    "slug": Text("about", "sobre-el-web", "o-serwisie", "schetika"),
    "introduction": Text(
        "What cities need to know about the EU's international city-cooperation programmes, in one place.",
        "Tot el que les ciutats han de saber sobre els programes de cooperació internacional entre "
        "ciutats de la UE, en un sol lloc.",
        "Wszystko, co miasta powinny wiedzieć o programach UE wspierających międzynarodową "
        "współpracę miast, w jednym miejscu.",
        "Ό,τι χρειάζεται να γνωρίζουν οι πόλεις για τα προγράμματα διεθνούς συνεργασίας πόλεων "
        "της ΕΕ, συγκεντρωμένο σε ένα σημείο.",
    ),
    "body": [
        heading(Text("What you will find here", "Què hi trobareu", "Co tu znajdziesz", "Τι θα βρείτε εδώ")),
        paragraph(
            Rich(
                "<p>Each programme has a page with its objectives, themes and timeline. Calls for "
                "applications say whether they are open or closed, and training modules can be added "
                "to your calendar.</p>"
                "<p>The city directory lists the cities that take part: where they are, what they "
                "work on and whether they are looking for partners. Partnership pages show which "
                "cities work together and what they have done so far.</p>",
                "<p>Cada programa té una pàgina amb els seus objectius, temes i calendari. Les "
                "convocatòries indiquen si són obertes o tancades, i els mòduls de formació es poden "
                "afegir al vostre calendari.</p>"
                "<p>El directori de ciutats recull les ciutats participants: on són, en què treballen "
                "i si busquen socis. Les pàgines d'associacions mostren quines ciutats treballen "
                "juntes i què han fet fins ara.</p>",
                "<p>Każdy program ma stronę z celami, tematami i harmonogramem. Przy naborach widać, "
                "czy są otwarte, czy zamknięte, a moduły szkoleniowe można dodać do swojego "
                "kalendarza.</p>"
                "<p>Katalog miast pokazuje uczestniczące miasta: gdzie leżą, nad czym pracują i czy "
                "szukają partnerów. Strony partnerstw pokazują, które miasta współpracują i co już "
                "razem zrobiły.</p>",
                "<p>Κάθε πρόγραμμα έχει μια σελίδα με τους στόχους, τα θέματα και το χρονοδιάγραμμά "
                "του. Οι προσκλήσεις δείχνουν αν είναι ανοιχτές ή έχουν κλείσει, και οι εκπαιδευτικές "
                "ενότητες μπορούν να προστεθούν στο ημερολόγιό σας.</p>"
                "<p>Ο κατάλογος πόλεων παρουσιάζει τις πόλεις που συμμετέχουν: πού βρίσκονται, με τι "
                "ασχολούνται και αν αναζητούν εταίρους. Οι σελίδες των συνεργασιών δείχνουν ποιες "
                "πόλεις συνεργάζονται και τι έχουν κάνει μέχρι σήμερα.</p>",
            )
        ),
        heading(Text("Four languages", "Quatre llengües", "Cztery języki", "Τέσσερις γλώσσες")),
        paragraph(
            Rich(
                "<p>Everything is published in English, Catalan, Polish and Greek. Each text is first "
                "written in the language of its source, then translated into the other three, so a "
                "page may have started in any of them.</p>",
                "<p>Tot es publica en anglès, català, polonès i grec. Cada text s'escriu primer en la "
                "llengua de la seva font i després es tradueix a les altres tres, de manera que una "
                "pàgina pot haver nascut en qualsevol d'elles.</p>",
                "<p>Wszystko publikujemy po angielsku, katalońsku, polsku i grecku. Każdy tekst "
                "powstaje najpierw w języku swojego źródła, a potem jest tłumaczony na trzy pozostałe, "
                "więc strona mogła powstać w dowolnym z nich.</p>",
                "<p>Όλο το περιεχόμενο δημοσιεύεται στα αγγλικά, τα καταλανικά, τα πολωνικά και τα "
                "ελληνικά. Κάθε κείμενο γράφεται πρώτα στη γλώσσα της πηγής του και μετά μεταφράζεται "
                "στις άλλες τρεις, οπότε μια σελίδα μπορεί να ξεκίνησε σε οποιαδήποτε από αυτές.</p>",
            )
        ),
        heading(Text("Sources", "Fonts", "Źródła", "Πηγές")),
        paragraph(
            Rich(
                "<p>The facts on this site come from the programmes' public announcements. The "
                "programmes are run by the European Commission and the organisations named on each "
                "programme page: before applying, always read the official call.</p>",
                "<p>Les dades d'aquest web provenen dels anuncis públics dels programes. Els programes "
                "els gestionen la Comissió Europea i les organitzacions que s'indiquen a la pàgina de "
                "cada programa: abans de presentar una candidatura, llegiu sempre la convocatòria "
                "oficial.</p>",
                "<p>Informacje w serwisie pochodzą z publicznych ogłoszeń programów. Programy "
                "prowadzą Komisja Europejska i organizacje wymienione na stronie każdego programu: "
                "przed złożeniem wniosku zawsze przeczytaj oficjalne ogłoszenie o naborze.</p>",
                "<p>Τα στοιχεία του ιστότοπου προέρχονται από τις δημόσιες ανακοινώσεις των "
                "προγραμμάτων. Τα προγράμματα τα διαχειρίζονται η Ευρωπαϊκή Επιτροπή και οι φορείς "
                "που αναφέρονται στη σελίδα κάθε προγράμματος: πριν υποβάλετε αίτηση, διαβάζετε "
                "πάντα την επίσημη πρόσκληση.</p>",
            )
        ),
    ],
}

ACCESSIBILITY = {
    "title": Text(
        "Accessibility statement",
        "Declaració d'accessibilitat",
        "Deklaracja dostępności",
        "Δήλωση προσβασιμότητας",
    ),
    "slug": Text("accessibility", "accessibilitat", "dostepnosc", "prosvasimotita"),
    "introduction": Text(
        "We want everyone to be able to use this site, whatever their device, browser or assistive technology.",
        "Volem que tothom pugui fer servir aquest web, sigui quin sigui el dispositiu, el navegador "
        "o la tecnologia de suport que utilitzi.",
        "Chcemy, aby z serwisu mógł korzystać każdy, niezależnie od urządzenia, przeglądarki czy "
        "technologii wspomagających.",
        "Θέλουμε όλοι να μπορούν να χρησιμοποιούν αυτόν τον ιστότοπο, όποια συσκευή, πρόγραμμα "
        "περιήγησης ή υποστηρικτική τεχνολογία κι αν χρησιμοποιούν.",
    ),
    "body": [
        heading(Text("Our target", "El nostre objectiu", "Nasz cel", "Ο στόχος μας")),
        paragraph(
            Rich(
                "<p>We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA, "
                "the level that the European standard EN 301 549 requires for websites.</p>",
                "<p>L'objectiu és complir les Pautes d'accessibilitat per al contingut web (WCAG) 2.1 "
                "en el nivell AA, el que exigeix la norma europea EN 301 549 per als llocs web.</p>",
                "<p>Dążymy do spełnienia wytycznych WCAG 2.1 (Web Content Accessibility Guidelines) "
                "na poziomie AA, którego dla stron internetowych wymaga norma europejska EN 301 549.</p>",
                "<p>Στόχος μας είναι η συμμόρφωση με τις Οδηγίες για την Προσβασιμότητα του "
                "Περιεχομένου του Ιστού (WCAG) 2.1 σε επίπεδο AA, το επίπεδο που απαιτεί για τους "
                "ιστότοπους το ευρωπαϊκό πρότυπο EN 301 549.</p>",
            )
        ),
        heading(Text("What we do", "Què fem", "Co robimy", "Τι κάνουμε")),
        paragraph(
            Rich(
                "<ul><li>Every page declares its language, and the language menu names each language "
                "in that language.</li>"
                "<li>Everything works with a keyboard alone, and the focus is always visible.</li>"
                "<li>Text and controls meet the WCAG contrast ratios.</li>"
                "<li>The city map comes with a list of the same cities and the same filters.</li>"
                "<li>Dates and deadlines are written in full, with their time zone.</li></ul>",
                "<ul><li>Cada pàgina declara la seva llengua, i el menú d'idiomes mostra el nom de "
                "cada llengua en aquella mateixa llengua.</li>"
                "<li>Tot funciona només amb el teclat, i el focus sempre és visible.</li>"
                "<li>Els textos i els controls compleixen les ràtios de contrast de les WCAG.</li>"
                "<li>El mapa de ciutats va acompanyat d'una llista de les mateixes ciutats amb els "
                "mateixos filtres.</li>"
                "<li>Les dates i els terminis s'escriuen sencers, amb el seu fus horari.</li></ul>",
                "<ul><li>Każda strona deklaruje swój język, a menu języków podaje nazwę każdego "
                "języka w tym właśnie języku.</li>"
                "<li>Wszystko działa przy użyciu samej klawiatury, a fokus jest zawsze widoczny.</li>"
                "<li>Teksty i elementy sterujące spełniają wymagania WCAG dotyczące kontrastu.</li>"
                "<li>Mapie miast towarzyszy lista tych samych miast z tymi samymi filtrami.</li>"
                "<li>Daty i terminy podajemy w pełnym brzmieniu, ze strefą czasową.</li></ul>",
                "<ul><li>Κάθε σελίδα δηλώνει τη γλώσσα της, και το μενού γλωσσών γράφει το όνομα "
                "κάθε γλώσσας στην ίδια τη γλώσσα.</li>"
                "<li>Όλες οι λειτουργίες είναι διαθέσιμες μόνο με το πληκτρολόγιο και η εστίαση "
                "φαίνεται πάντα.</li>"
                "<li>Τα κείμενα και τα στοιχεία ελέγχου τηρούν τους λόγους αντίθεσης των WCAG.</li>"
                "<li>Ο χάρτης των πόλεων συνοδεύεται από λίστα με τις ίδιες πόλεις και τα ίδια "
                "φίλτρα.</li>"
                "<li>Οι ημερομηνίες και οι προθεσμίες γράφονται ολογράφως, με τη ζώνη ώρας τους.</li></ul>",
            )
        ),
        heading(
            Text("Known limitations", "Limitacions conegudes", "Znane ograniczenia", "Γνωστοί περιορισμοί")
        ),
        paragraph(
            Rich(
                "<p>Documents published by the programmes themselves, such as guides and application "
                "forms on other websites, may not be accessible. If you need one of them in another "
                "format, tell us and we will ask the organisation that published it.</p>",
                "<p>Els documents que publiquen els mateixos programes, com ara guies i formularis de "
                "sol·licitud en altres webs, poden no ser accessibles. Si en necessiteu algun en un "
                "altre format, digueu-nos-ho i ho demanarem a l'organització que l'ha publicat.</p>",
                "<p>Dokumenty publikowane przez same programy, na przykład przewodniki i formularze "
                "zgłoszeniowe w innych serwisach, mogą nie być dostępne. Jeśli potrzebujesz któregoś z "
                "nich w innym formacie, daj nam znać, a poprosimy o to organizację, która go "
                "opublikowała.</p>",
                "<p>Τα έγγραφα που δημοσιεύουν τα ίδια τα προγράμματα, όπως οδηγοί και έντυπα αιτήσεων "
                "σε άλλους ιστότοπους, ενδέχεται να μην είναι προσβάσιμα. Αν χρειάζεστε κάποιο σε άλλη "
                "μορφή, ενημερώστε μας και θα το ζητήσουμε από τον φορέα που το δημοσίευσε.</p>",
            )
        ),
        heading(Text("How we checked", "Com ho hem comprovat", "Jak to sprawdziliśmy", "Πώς το ελέγξαμε")),
        paragraph(
            Rich(
                "<p>This statement is based on a self-assessment: automated checks of every page type, "
                "tests with a keyboard and with screen readers, and a review of colour contrast. We "
                "review it whenever the site changes significantly.</p>",
                "<p>Aquesta declaració es basa en una autoavaluació: proves automàtiques de cada tipus "
                "de pàgina, proves amb teclat i amb lectors de pantalla i una revisió del contrast de "
                "colors. La revisem sempre que el web canvia de manera significativa.</p>",
                "<p>Deklarację sporządzono na podstawie samooceny: automatycznych testów każdego "
                "rodzaju strony, testów z klawiaturą i czytnikami ekranu oraz przeglądu kontrastu "
                "kolorów. Aktualizujemy ją przy każdej istotnej zmianie serwisu.</p>",
                "<p>Η δήλωση βασίζεται σε αυτοαξιολόγηση: αυτόματους ελέγχους κάθε τύπου σελίδας, "
                "δοκιμές με πληκτρολόγιο και με αναγνώστες οθόνης και έλεγχο της χρωματικής αντίθεσης. "
                "Την αναθεωρούμε κάθε φορά που ο ιστότοπος αλλάζει σημαντικά.</p>",
            )
        ),
        heading(
            Text("Report a problem", "Informeu d'un problema", "Zgłoś problem", "Αναφέρετε ένα πρόβλημα")
        ),
        paragraph(
            Rich(
                "<p>If something on this site does not work for you, or you need information in another "
                'format, write to <a href="mailto:accessibility@example.org">accessibility@example.org</a>. '
                "Tell us the page and what happened. We reply within ten working days.</p>"
                "<p>If our answer does not solve the problem, you can turn to the body that monitors "
                "web accessibility in your country under the Web Accessibility Directive (EU) 2016/2102.</p>",
                "<p>Si alguna cosa d'aquest web no us funciona, o necessiteu informació en un altre "
                'format, escriviu a <a href="mailto:accessibility@example.org">accessibility@example.org</a>. '
                "Indiqueu-nos la pàgina i què ha passat. Responem en un termini de deu dies feiners.</p>"
                "<p>Si la resposta no resol el problema, podeu adreçar-vos a l'organisme que supervisa "
                "l'accessibilitat web al vostre país d'acord amb la Directiva (UE) 2016/2102.</p>",
                "<p>Jeśli coś w serwisie nie działa lub potrzebujesz informacji w innym formacie, "
                'napisz na adres <a href="mailto:accessibility@example.org">accessibility@example.org</a>. '
                "Podaj stronę i opisz, co się stało. Odpowiadamy w ciągu dziesięciu dni roboczych.</p>"
                "<p>Jeśli nasza odpowiedź nie rozwiąże problemu, możesz zwrócić się do organu, który "
                "w Twoim kraju nadzoruje dostępność stron internetowych na mocy dyrektywy (UE) 2016/2102.</p>",
                "<p>Αν κάτι στον ιστότοπο δεν λειτουργεί για εσάς ή χρειάζεστε πληροφορίες σε άλλη "
                'μορφή, γράψτε στο <a href="mailto:accessibility@example.org">accessibility@example.org</a>. '
                "Αναφέρετε τη σελίδα και τι συνέβη. Απαντάμε μέσα σε δέκα εργάσιμες ημέρες.</p>"
                "<p>Αν η απάντησή μας δεν λύσει το πρόβλημα, μπορείτε να απευθυνθείτε στον φορέα που "
                "εποπτεύει την προσβασιμότητα των ιστοτόπων στη χώρα σας σύμφωνα με την Οδηγία (ΕΕ) 2016/2102.</p>",
            )
        ),
    ],
}

PRIVACY = {
    "title": Text("Privacy", "Privadesa", "Prywatność", "Απόρρητο"),
    "slug": Text("privacy", "privadesa", "prywatnosc", "aporrito"),
    "introduction": Text(
        "This site does not track you. It sets one cookie, and only when you choose a language.",
        "Aquest web no us fa cap seguiment. Només desa una galeta, i només quan trieu una llengua.",
        "Serwis Cię nie śledzi. Zapisuje jedno ciasteczko i tylko wtedy, gdy wybierzesz język.",
        "Ο ιστότοπος δεν σας παρακολουθεί. Αποθηκεύει ένα μόνο cookie, και μόνο όταν επιλέγετε γλώσσα.",
    ),
    "body": [
        heading(Text("Cookies", "Galetes", "Ciasteczka", "Cookies")),
        paragraph(
            Rich(
                "<p>We use no analytics, advertising or social-media cookies, and no other tracking "
                "technology.</p>"
                "<p>When you choose a language in the language menu, your browser keeps a cookie named "
                "django_language. It holds only the code of that language (en, ca, pl or el), so that "
                "the site opens in it next time, and it is deleted when you close your browser.</p>"
                "<p>Editors who sign in to the administration area also get a session cookie and a "
                "security cookie. Visitors who only read the site never receive them.</p>",
                "<p>No fem servir galetes d'analítica, de publicitat ni de xarxes socials, ni cap altra "
                "tecnologia de seguiment.</p>"
                "<p>Quan trieu una llengua al menú d'idiomes, el navegador desa una galeta anomenada "
                "django_language. Només conté el codi d'aquella llengua (en, ca, pl o el), perquè el web "
                "s'obri en aquesta llengua la vegada següent, i s'esborra quan tanqueu el navegador.</p>"
                "<p>Les persones editores que entren a l'àrea d'administració reben, a més, una galeta "
                "de sessió i una de seguretat. Els visitants que només llegeixen el web no les reben mai.</p>",
                "<p>Nie używamy ciasteczek analitycznych, reklamowych ani społecznościowych, ani żadnej "
                "innej technologii śledzącej.</p>"
                "<p>Gdy wybierasz język w menu języków, przeglądarka zapisuje ciasteczko o nazwie "
                "django_language. Zawiera ono tylko kod tego języka (en, ca, pl lub el), aby następnym "
                "razem serwis otworzył się w nim, i znika po zamknięciu przeglądarki.</p>"
                "<p>Redaktorzy, którzy logują się do panelu administracyjnego, otrzymują także "
                "ciasteczko sesji i ciasteczko bezpieczeństwa. Osoby, które tylko czytają serwis, nigdy "
                "ich nie dostają.</p>",
                "<p>Δεν χρησιμοποιούμε cookies ανάλυσης επισκεψιμότητας, διαφήμισης ή μέσων κοινωνικής "
                "δικτύωσης, ούτε άλλη τεχνολογία παρακολούθησης.</p>"
                "<p>Όταν επιλέγετε γλώσσα από το μενού γλωσσών, το πρόγραμμα περιήγησης αποθηκεύει ένα "
                "cookie με το όνομα django_language. Περιέχει μόνο τον κωδικό της γλώσσας (en, ca, pl ή "
                "el), ώστε ο ιστότοπος να ανοίξει σε αυτήν την επόμενη φορά, και διαγράφεται όταν "
                "κλείνετε το πρόγραμμα περιήγησης.</p>"
                "<p>Οι συντάκτες που συνδέονται στον χώρο διαχείρισης λαμβάνουν επίσης ένα cookie "
                "συνεδρίας και ένα cookie ασφαλείας. Οι επισκέπτες που απλώς διαβάζουν τον ιστότοπο δεν "
                "τα λαμβάνουν ποτέ.</p>",
            )
        ),
        heading(Text("Maps", "Mapes", "Mapy", "Χάρτες")),
        paragraph(
            Rich(
                "<p>The city directory can show a map. Its tiles come from a map server: when a map is "
                "shown, your browser requests the tiles from that server, which sees your IP address as "
                "it would for any web request.</p>",
                "<p>El directori de ciutats pot mostrar un mapa. Les peces del mapa provenen d'un "
                "servidor de mapes: quan es mostra un mapa, el navegador les demana a aquest servidor, "
                "que veu la vostra adreça IP com en qualsevol petició web.</p>",
                "<p>Katalog miast może wyświetlać mapę. Jej fragmenty pochodzą z serwera map: gdy mapa "
                "się wyświetla, przeglądarka pobiera je z tego serwera, który widzi Twój adres IP, jak "
                "przy każdym żądaniu w sieci.</p>",
                "<p>Ο κατάλογος πόλεων μπορεί να εμφανίζει χάρτη. Τα τμήματα του χάρτη προέρχονται από "
                "διακομιστή χαρτών: όταν εμφανίζεται ο χάρτης, το πρόγραμμα περιήγησης τα ζητά από αυτόν "
                "τον διακομιστή, ο οποίος βλέπει τη διεύθυνση IP σας όπως σε κάθε αίτημα στον ιστό.</p>",
            )
        ),
        heading(
            Text(
                "Server records",
                "Registres del servidor",
                "Dzienniki serwera",
                "Αρχεία καταγραφής του διακομιστή",
            )
        ),
        paragraph(
            Rich(
                "<p>Like any website, ours records each request: the address asked for, the time and "
                "the IP address it came from. We use these records only to keep the site secure and "
                "working, and we do not combine them with any other data.</p>",
                "<p>Com qualsevol web, el nostre registra cada petició: l'adreça demanada, l'hora i "
                "l'adreça IP d'origen. Només fem servir aquests registres per mantenir el web segur i "
                "en funcionament, i no els combinem amb cap altra dada.</p>",
                "<p>Jak każdy serwis internetowy, nasz zapisuje każde żądanie: adres strony, czas i "
                "adres IP, z którego przyszło. Używamy tych zapisów wyłącznie do zapewnienia "
                "bezpieczeństwa i działania serwisu i nie łączymy ich z żadnymi innymi danymi.</p>",
                "<p>Όπως κάθε ιστότοπος, ο δικός μας καταγράφει κάθε αίτημα: τη διεύθυνση που ζητήθηκε, "
                "την ώρα και τη διεύθυνση IP από την οποία προήλθε. Χρησιμοποιούμε αυτές τις καταγραφές "
                "μόνο για να παραμένει ο ιστότοπος ασφαλής και λειτουργικός και δεν τις συνδυάζουμε με "
                "άλλα δεδομένα.</p>",
            )
        ),
        heading(Text("Your rights", "Els vostres drets", "Twoje prawa", "Τα δικαιώματά σας")),
        paragraph(
            Rich(
                "<p>Under the General Data Protection Regulation you may ask what data about you we "
                'hold and ask us to correct or delete it: write to <a href="mailto:privacy@example.org">'
                "privacy@example.org</a>.</p>",
                "<p>D'acord amb el Reglament general de protecció de dades, podeu demanar quines dades "
                "vostres tenim i sol·licitar que les corregim o les suprimim: escriviu a "
                '<a href="mailto:privacy@example.org">privacy@example.org</a>.</p>',
                "<p>Na mocy ogólnego rozporządzenia o ochronie danych (RODO) możesz zapytać, jakie dane "
                "o Tobie przechowujemy, i poprosić o ich poprawienie lub usunięcie: napisz na adres "
                '<a href="mailto:privacy@example.org">privacy@example.org</a>.</p>',
                "<p>Σύμφωνα με τον Γενικό Κανονισμό για την Προστασία Δεδομένων, μπορείτε να ρωτήσετε "
                "ποια δεδομένα σας διατηρούμε και να ζητήσετε να διορθωθούν ή να διαγραφούν: γράψτε στο "
                '<a href="mailto:privacy@example.org">privacy@example.org</a>.</p>',
            )
        ),
    ],
}
