"""The demo site: facts from the programmes' public material, sentences of our own."""

from home.factories import LANGUAGE_CODES, ensure_home, translate

HOME_TITLES = {
    "en": ("City Cooperation", "EU programmes that bring cities together across continents."),
    "ca": ("Cooperació entre ciutats", "Programes de la UE que uneixen ciutats de diversos continents."),
    "pl": ("Współpraca miast", "Programy UE, które łączą miasta z różnych kontynentów."),
    "el": ("Συνεργασία πόλεων", "Προγράμματα της ΕΕ που φέρνουν κοντά πόλεις από διάφορες ηπείρους."),
}


def build_demo():
    home = ensure_home(title=HOME_TITLES["en"][0])
    if not home.introduction:
        home.introduction = HOME_TITLES["en"][1]
        home.save_revision().publish()
    for code in LANGUAGE_CODES:
        if code == "en":
            continue
        title, intro = HOME_TITLES[code]
        translate(home, code, {HOME_TITLES["en"][0]: title, HOME_TITLES["en"][1]: intro, "home": "home"})
    return "Demo content ready: home pages in " + ", ".join(LANGUAGE_CODES) + "."
