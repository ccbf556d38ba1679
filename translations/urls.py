from django.urls import path

from translations import views

app_name = "translations"
urlpatterns = [
    path("", views.StatusView.as_view(), name="status"),
    path("section/<int:page_id>/", views.SectionView.as_view(), name="section"),
    path("section/<int:page_id>/po/<str:language_code>/", views.SectionPOView.as_view(), name="section_po"),
    path("po/import/", views.ImportPOView.as_view(), name="import_po"),
    path("news/<int:page_id>/send/", views.SendNewsView.as_view(), name="send_news"),
]
