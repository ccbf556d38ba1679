from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3"))], default="h2", label=_("Level")
    )

    class Meta:
        icon = "title"
        template = "home/blocks/heading.html"
        label = _("Heading")
        description = _("A section heading inside the body text")
        preview_value = {"text": "Joint action plan", "level": "h2"}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "home/blocks/quote.html"
        label = _("Quote")
        description = _("A quotation with the name of the person who said it")
        preview_value = {"quote": "Cities learn fastest from other cities.", "attribution": "A mayor"}


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Button text"), max_length=80)
    url = blocks.URLBlock(label=_("Link"))

    class Meta:
        icon = "link"
        template = "home/blocks/call_to_action.html"
        label = _("Call to action")
        description = _("A prominent link, for example to an application form")
        preview_value = {"text": "Apply now", "url": "https://example.org/apply"}


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        label=_("Paragraph"),
        icon="pilcrow",
        template="home/blocks/paragraph.html",
        description=_("Text with links and lists"),
        preview_value="<p>Cities in Europe and abroad work together for two years.</p>",
    )
    image = ImageBlock(
        label=_("Image"),
        template="home/blocks/image.html",
        description=_("An image with alternative text for people who cannot see it"),
    )
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
