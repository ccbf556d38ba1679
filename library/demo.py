"""Demo content for the document library: the library page and five documents, in four languages.

``build_library_demo(home)`` is safe to run twice and expects the demo tree under ``home`` (programmes, the two
calls, the Piraeus – Puerto Montt partnership); documents whose page is missing are left out.
Each document is written in one language (its source, as the design's seed says: AGIR in
English, the IUC call in Polish, Piraeus – Puerto Montt in Greek, Smart Cities Marketplace in
Catalan) and translated into the three others with wagtail-localize.
"""

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Locale

from base.factories import LANGUAGE_CODES, add_page, translate
from base.models import Theme
from cities.models import PartnershipPage
from library.models import LibraryDocument, LibraryIndexPage
from programmes.models import CallPage, ProgrammePage

LIBRARY_PAGE = {
    "en": (
        "Document library",
        "library",
        "Action plans, factsheets and call documents of the programmes, in the language they were written in.",
    ),
    "ca": (
        "Biblioteca de documents",
        "biblioteca",
        "Plans d'acció, fitxes i documents de les convocatòries dels programes, en la llengua en què es van redactar.",
    ),
    "pl": (
        "Biblioteka dokumentów",
        "biblioteka",
        "Plany działania, karty informacyjne i dokumenty naborów programów, w języku, w którym je napisano.",
    ),
    "el": (
        "Βιβλιοθήκη εγγράφων",
        "vivliothiki",
        "Σχέδια δράσης, ενημερωτικά δελτία και έγγραφα προσκλήσεων των προγραμμάτων, στη γλώσσα στην οποία γράφτηκαν.",
    ),
}

DOCUMENTS = [
    {
        "source": "en",
        "file": "icp-agir-at-a-glance.pdf",
        "kind": LibraryDocument.Kind.FACTSHEET,
        "programme": "icp-agir",
        "themes": ["circular-economy", "net-zero"],
        "document_language": "en",
        "text": {
            "en": (
                "ICP AGIR at a glance",
                "The programme's aims, phases and participating regions on two pages.",
            ),
            "ca": (
                "ICP AGIR d'un cop d'ull",
                "Els objectius, les fases i les regions participants del programa en dues pàgines.",
            ),
            "pl": ("ICP AGIR w skrócie", "Cele, etapy i regiony uczestniczące programu na dwóch stronach."),
            "el": (
                "Το ICP AGIR με μια ματιά",
                "Οι στόχοι, οι φάσεις και οι συμμετέχουσες περιοχές του προγράμματος σε δύο σελίδες.",
            ),
        },
    },
    {
        "source": "en",
        "file": "icp-agir-call-2021-guide.pdf",
        "kind": LibraryDocument.Kind.CALL,
        "programme": "icp-agir",
        "call": "icp-agir",
        "document_language": "en",
        "text": {
            "en": (
                "Guide for applicants – call for cities 2021",
                "Who may apply, how cities are matched and what to send with the application.",
            ),
            "ca": (
                "Guia per a les candidatures – convocatòria per a ciutats 2021",
                "Qui pot presentar-se, com s'aparellen les ciutats i què cal enviar amb la sol·licitud.",
            ),
            "pl": (
                "Przewodnik dla wnioskodawców – nabór dla miast 2021",
                "Kto może się zgłosić, jak dobiera się miasta w pary i co dołączyć do wniosku.",
            ),
            "el": (
                "Οδηγός για τους αιτούντες – πρόσκληση για πόλεις 2021",
                "Ποιος μπορεί να υποβάλει αίτηση, πώς γίνεται η αντιστοίχιση των πόλεων και τι πρέπει να συνοδεύει την αίτηση.",
            ),
        },
    },
    {
        "source": "pl",
        "file": "iuc-call-2017-terms.pdf",
        "kind": LibraryDocument.Kind.CALL,
        "programme": "iuc",
        "call": "iuc",
        "document_language": "pl",
        "text": {
            "pl": (
                "Warunki naboru dla miast UE 2017",
                "Kryteria kwalifikowalności i harmonogram naboru programu IUC.",
            ),
            "en": (
                "Terms of the call for EU cities 2017",
                "Eligibility criteria and timetable of the IUC call.",
            ),
            "ca": (
                "Condicions de la convocatòria per a ciutats de la UE 2017",
                "Criteris d'elegibilitat i calendari de la convocatòria de l'IUC.",
            ),
            "el": (
                "Όροι της πρόσκλησης για πόλεις της ΕΕ 2017",
                "Κριτήρια επιλεξιμότητας και χρονοδιάγραμμα της πρόσκλησης του IUC.",
            ),
        },
    },
    {
        "source": "el",
        "file": "piraeus-puerto-montt-joint-action-plan.pdf",
        "kind": LibraryDocument.Kind.ACTION_PLAN,
        "programme": "iurc",
        "partnership": "Piraeus",
        "themes": ["blue-economy"],
        "document_language": "en",
        "text": {
            "el": (
                "Κοινό σχέδιο δράσης Πειραιά – Πουέρτο Μοντ",
                "Οι δράσεις που συμφώνησαν οι δύο πόλεις για τη γαλάζια οικονομία και τα λιμάνια τους.",
            ),
            "en": (
                "Piraeus – Puerto Montt joint action plan",
                "The actions the two cities agreed on for the blue economy and their ports.",
            ),
            "ca": (
                "Pla d'acció conjunt Pireu – Puerto Montt",
                "Les accions que les dues ciutats van acordar per a l'economia blava i els seus ports.",
            ),
            "pl": (
                "Wspólny plan działania Pireus – Puerto Montt",
                "Działania uzgodnione przez oba miasta w zakresie niebieskiej gospodarki i ich portów.",
            ),
        },
    },
    {
        "source": "ca",
        "file": "smart-cities-marketplace-factsheet.pdf",
        "kind": LibraryDocument.Kind.FACTSHEET,
        "programme": "smart-cities-marketplace",
        "themes": ["smart-cities", "net-zero"],
        "document_language": "en",
        "text": {
            "ca": (
                "Smart Cities Marketplace: fitxa informativa",
                "Com el mercat posa en contacte ciutats, empreses i inversors per a projectes urbans sostenibles.",
            ),
            "en": (
                "Smart Cities Marketplace factsheet",
                "How the marketplace brings cities, companies and investors together for sustainable urban projects.",
            ),
            "pl": (
                "Smart Cities Marketplace – karta informacyjna",
                "Jak platforma łączy miasta, firmy i inwestorów przy zrównoważonych projektach miejskich.",
            ),
            "el": (
                "Smart Cities Marketplace – ενημερωτικό δελτίο",
                "Πώς η αγορά φέρνει κοντά πόλεις, επιχειρήσεις και επενδυτές για βιώσιμα αστικά έργα.",
            ),
        },
    },
]


def placeholder_pdf(title):
    """A one-page PDF that says what it stands for (the demo has no real files)."""
    text = "".join(ch for ch in title if ch.isascii() and ch not in "()\\") or "Document"
    stream = f"BT /F1 16 Tf 56 760 Td ({text}) Tj 0 -28 Td /F1 11 Tf (Demo document of the City Cooperation site.) Tj ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = "%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out.encode("latin-1")))
        out += f"{number} 0 obj\n{body}\nendobj\n"
    xref = len(out.encode("latin-1"))
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n"
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return out.encode("latin-1")


def _in(model, locale, **lookups):
    return model.objects.filter(locale=locale, **lookups).first()


@transaction.atomic
def build_library_demo(home):
    """The library page under ``home`` (the source language's home page) in every language and the
    demo documents; returns how many documents exist."""
    title, slug, intro = LIBRARY_PAGE["en"]
    index = add_page(home, LibraryIndexPage(title=title, slug=slug, introduction=intro))
    for code in LANGUAGE_CODES:
        if code != "en" and index.get_translation_or_none(Locale.objects.get(language_code=code)) is None:
            translation = LIBRARY_PAGE[code]
            translate(index, code, dict(zip(LIBRARY_PAGE["en"], translation, strict=True)), strict=True)

    for spec in DOCUMENTS:
        locale = Locale.objects.get(language_code=spec["source"])
        title, description = spec["text"][spec["source"]]
        document = LibraryDocument.objects.filter(locale=locale, title=title).first()
        if document is None:
            programme = (
                _in(ProgrammePage, locale, code=spec["programme"])
                or ProgrammePage.objects.filter(code=spec["programme"]).first()
            )
            if programme is None:
                continue
            related = None
            if "call" in spec:
                related = CallPage.objects.child_of(programme).order_by("path").first()
            if "partnership" in spec:
                related = (
                    PartnershipPage.objects.filter(
                        locale=locale, title__icontains=spec["partnership"]
                    ).first()
                    or PartnershipPage.objects.filter(title__icontains=spec["partnership"]).first()
                )
            english_title = spec["text"]["en"][0]
            file = get_document_model().objects.create(
                title=english_title, file=ContentFile(placeholder_pdf(english_title), name=spec["file"])
            )
            document = LibraryDocument.objects.create(
                locale=locale,
                title=title,
                description=description,
                document=file,
                kind=spec["kind"],
                document_language=spec["document_language"],
                programme=programme,
                related_page=related,
            )
            document.set_related(Theme.objects.filter(slug__in=spec.get("themes", []), locale=locale), "themes")
            document.save()
        for code, (other_title, other_description) in spec["text"].items():
            if code == spec["source"]:
                continue
            if document.get_translation_or_none(Locale.objects.get(language_code=code)) is None:
                translate(document, code, {title: other_title, description: other_description}, strict=True)
    return LibraryDocument.objects.count()
