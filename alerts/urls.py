from django.urls import path

from alerts import views

app_name = "alerts"
urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("sent/", views.sent, name="sent"),
    path("confirm/<slug:token>/", views.confirm, name="confirm"),
    path("manage/<slug:token>/", views.manage, name="manage"),
    path("unsubscribe/<slug:token>/", views.unsubscribe, name="unsubscribe"),
]
