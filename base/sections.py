"""The sections of a language's tree: the live children of its home page, for "see all" links."""

from wagtail.models import Page

from website.derived import MENU, generation_cached


def home_sections(home):
    """The live children of ``home`` (programmes, cities, news...) by model name, for "see all"
    links: a small map, cached per content generation."""

    def build():
        return {
            page.content_type.model: page
            for page in Page.objects.child_of(home)
            .live()
            .select_related("content_type")
            .only("id", "title", "url_path", "path", "depth", "locale_id", "content_type__model")
        }

    return generation_cached("home-sections", build, home.pk, depends_on=(MENU,))
