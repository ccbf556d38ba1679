from django import template

from library import listings

register = template.Library()


@register.simple_tag
def library_documents(page):
    """``{% library_documents page as documents %}``: the library documents that belong on ``page``."""
    if page is None or not getattr(page, "pk", None):
        return []
    return listings.documents_for(page)


@register.simple_tag
def library_page(page):
    """The live document library in ``page``'s language, if there is one (from a cached map)."""
    if page is None:
        return None
    return listings.library_page(page.locale_id)


@register.filter
def document_language_name(code):
    return listings.language_name(code)
