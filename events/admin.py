"""Admin for editors. Imported explicitly from newsmap/urls.py (no autodiscovery).

Editors correct places (a map on the change form), add aliases, merge
duplicates, re-point mentions and put names on the stop list. Every change to
places, aliases, mentions, events and the stop list is kept by
django-simple-history and shown under each object's History button.
"""

from __future__ import annotations

from typing import Any

# SimpleAdminConfig does not autodiscover: register users and groups for the
# superusers who make editors (editors themselves have no permission there).
import django.contrib.auth.admin  # noqa: F401
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Avg, Count, F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce, Floor
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.defaultfilters import linebreaksbr
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from simple_history.admin import SimpleHistoryAdmin

from events import alternatives, editors, happening_choices
from events.gazetteer import normalize
from events.locks import take_turn_with_ingests
from events.models import (
    Article,
    Event,
    Feed,
    HappeningChoice,
    Mention,
    Place,
    PlaceAlias,
    PlaceChoice,
    PlaceRedirect,
    StopName,
)
from events.widgets import CoordinateInput, map_container
from events.wording import count_of

# --------------------------------------------------------------------------
# Places
# --------------------------------------------------------------------------


class PlaceForm(forms.ModelForm):
    class Meta:
        model = Place
        fields = [
            "name",
            "kind",
            "country_code",
            "lat",
            "lon",
            "verified",
            "geocode_source",
            "population",
        ]
        widgets = {"lat": CoordinateInput("lat"), "lon": CoordinateInput("lon")}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        lat, lon = data.get("lat"), data.get("lon")
        if lat is not None and not -90 <= lat <= 90:
            self.add_error("lat", "Latitude must be between -90 and 90.")
        if lon is not None and not -180 <= lon <= 180:
            self.add_error("lon", "Longitude must be between -180 and 180.")
        return data


class PlaceAliasForm(forms.ModelForm):
    class Meta:
        model = PlaceAlias
        fields = ["name"]

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        normalized = normalize(name)
        if not normalized:
            raise forms.ValidationError("An alias needs letters or digits.")
        place_id = self.instance.place_id
        taken = PlaceAlias.objects.filter(normalized=normalized).exclude(place_id=place_id)
        if place_id is not None and taken.exists():
            other = taken.select_related("place").first()
            assert other is not None
            raise forms.ValidationError(
                f"“{name}” is already an alias of {other.place} (#{other.place_id}): "
                "merge the two places, or remove that alias first."
            )
        return name

    def save(self, commit: bool = True) -> PlaceAlias:
        self.instance.normalized = normalize(self.cleaned_data["name"])
        return super().save(commit)


class PlaceAliasInline(admin.TabularInline):
    model = PlaceAlias
    form = PlaceAliasForm
    extra = 1
    verbose_name = "alias"
    verbose_name_plural = "Aliases: other spellings that mean this place on the next ingest"


class ReviewFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple]:
        return [("unverified", "Unverified"), ("verified", "Verified")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "unverified":
            return queryset.filter(verified=False)
        if self.value() == "verified":
            return queryset.filter(verified=True)
        return queryset


class CountryFilter(admin.SimpleListFilter):
    """Only the countries places are in, not every code in the world."""

    title = "country"
    parameter_name = "country"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple]:
        codes = (
            Place.objects.exclude(country_code="")
            .order_by("country_code")
            .values_list("country_code", flat=True)
            .distinct()
        )
        return [(code, code) for code in codes]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        return queryset.filter(country_code=self.value()) if self.value() else queryset


def _count(model: type[models.Model], field: str) -> Coalesce:
    # Correlated subqueries: Count() over two joins would multiply each other.
    counts = (
        model.objects.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(n=Count("*"))
        .values("n")
    )
    return Coalesce(Subquery(counts, output_field=models.IntegerField()), 0)


def _mean_confidence() -> Subquery:
    means = (
        Mention.objects.filter(place=OuterRef("pk"))
        .order_by()
        .values("place")
        .annotate(mean=Avg("confidence"))
        .values("mean")
    )
    return Subquery(means, output_field=models.FloatField())


# Unverified first; then the least sure, by tenths of the mentions' mean
# confidence (a Windsor placed in Ontario at .71 before the United States at
# .95, however often the latter is named); within a tenth, the most mentioned,
# where a wrong position misleads the most readers.
NEEDS_REVIEW = (
    "verified",
    F("confidence_band").asc(nulls_last=True),
    F("mention_count").desc(),
    "name",
)


class CalendarEdgeChangeList(ChangeList):
    """A changelist whose date drill-down reaches the calendar's last day: Django
    computes the end of the chosen year, month or day as the next one, which past
    9999-12-31 raises OverflowError or ValueError (a 500). Such a choice is treated as
    any impossible date is: the list opens unfiltered with Django's notice."""

    def get_filters(self, request: HttpRequest) -> Any:
        try:
            return super().get_filters(request)
        except (OverflowError, ValueError) as exc:
            raise IncorrectLookupParameters(exc) from exc


class CalendarEdgeDates(admin.ModelAdmin):
    """For admins with a date_hierarchy: see CalendarEdgeChangeList."""

    def get_changelist(self, request: HttpRequest, **kwargs: Any) -> type[ChangeList]:
        return CalendarEdgeChangeList


class ReviewChangeList(ChangeList):
    """The Places list, by default in NEEDS_REVIEW order; its columns still sort."""

    def _get_default_ordering(self) -> list[Any]:
        return list(NEEDS_REVIEW)


class TakesTurnWithIngests(admin.ModelAdmin):
    """Saves and deletes of what an ingest's batch reads and rewrites (places, mentions,
    events) wait for the batch's turn before they write anything (events.locks): on
    PostgreSQL an editor holding a row the batch needs, while waiting for one the batch
    holds, would be ended as a deadlock. A batch takes well under a second."""

    def save_model(self, request: HttpRequest, obj: Any, form: forms.Form, change: bool) -> None:
        take_turn_with_ingests()
        super().save_model(request, obj, form, change)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        take_turn_with_ingests()
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        take_turn_with_ingests()
        super().delete_queryset(request, queryset)


@admin.register(Place)
class PlaceAdmin(TakesTurnWithIngests, SimpleHistoryAdmin):
    form = PlaceForm
    change_form_template = "admin/events/place/change_form.html"
    inlines = [PlaceAliasInline]
    list_display = [
        "name",
        "kind",
        "country_code",
        "mention_count",
        "event_count",
        "verified",
        "geocode_source",
        "confidence",
        "other_candidates",
    ]
    list_display_links = ["name"]
    list_filter = [ReviewFilter, "kind", CountryFilter, "geocode_source"]
    search_fields = ["name", "aliases__name", "aliases__normalized"]
    list_per_page = 50
    actions = ["merge_places", "mark_verified"]
    readonly_fields = [
        "position_map",
        "verified_by",
        "verified_at",
        "mentions_link",
        "events_link",
        "gazetteer_identity",
        "candidates",
    ]
    fieldsets = [
        (None, {"fields": ["name", "kind", "country_code"]}),
        (
            "Position",
            {"fields": [("lat", "lon"), "position_map"], "classes": ["place-position"]},
        ),
        ("Review", {"fields": ["verified", ("verified_by", "verified_at"), "geocode_source"]}),
        ("Other places of this name", {"fields": ["candidates"]}),
        ("Where it is named", {"fields": [("mentions_link", "events_link")]}),
        ("Gazetteer", {"fields": ["population", "gazetteer_identity"], "classes": ["collapse"]}),
    ]
    history_list_display = ["lat", "lon", "verified", "geocode_source"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super()
            .get_queryset(request)
            .annotate(
                mention_count=_count(Mention, "place_id"),
                event_count=_count(Event.places.through, "place_id"),
                confidence=_mean_confidence(),
            )
            .annotate(confidence_band=Floor(F("confidence") * 10))
        )

    def get_ordering(self, request: HttpRequest) -> list[Any]:
        # Nothing here: Django also orders every other form's Place picker by
        # this, on a queryset without the review annotations (a FieldError on
        # mention_count). The list alone leads with review (ReviewChangeList).
        return []

    def get_changelist(self, request: HttpRequest, **kwargs: Any) -> type[ChangeList]:
        return ReviewChangeList

    @admin.display(description="mentions", ordering="mention_count")
    def mention_count(self, place: Place) -> int:
        return place.mention_count  # type: ignore[attr-defined]

    @admin.display(description="events", ordering="event_count")
    def event_count(self, place: Place) -> int:
        return place.event_count  # type: ignore[attr-defined]

    @admin.display(description="confidence", ordering="confidence")
    def confidence(self, place: Place) -> str:
        value = getattr(place, "confidence", None)
        return "–" if value is None else f"{value:.2f}"

    @admin.display(description="others")
    def other_candidates(self, place: Place) -> str:
        # What else the name could mean: an ambiguous name is worth a look.
        found = len(alternatives.candidates(place))
        return str(found) if found else "–"

    @admin.display(description="the gazetteer's other candidates")
    def candidates(self, place: Place | None) -> str:
        if place is None or place.pk is None:
            return "–"
        found = alternatives.candidates(place)
        if not found:
            return "None: the gazetteer knows no other place of this name."
        # Buttons of the small form after the change form (its template): one
        # click posts to the switch view, and Enter in the change form still
        # saves it, since the buttons are not that form's. format_html escapes.
        rows = format_html_join(
            "",
            '<li><button type="submit" class="button switch-candidate" form="place-switch"'
            ' name="candidate" value="{}">Switch to {}</button> {}</li>',
            ((entry.key, entry.name, alternatives.describe(entry)) for entry in found),
        )
        return format_html(
            '<ul class="place-candidates">{}</ul><p class="help">Switching moves every mention'
            " of this place, with its events, to the one chosen; the choice survives"
            " re-ingests.</p>",
            rows,
        )

    def get_urls(self) -> list[Any]:
        switch = path(
            "<path:object_id>/switch/",
            self.admin_site.admin_view(self.switch_view),
            name="events_place_switch",
        )
        return [switch, *super().get_urls()]

    def switch_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        place = self.get_object(request, object_id)
        if place is None or request.method != "POST":
            return HttpResponseRedirect(reverse("admin:events_place_changelist"))
        if not self.has_change_permission(request, place):
            raise PermissionDenied
        entry = alternatives.find(place, request.POST.get("candidate", ""))
        back = reverse("admin:events_place_change", args=[place.pk])
        if entry is None:
            self.message_user(
                request, "That candidate is not one this name can mean.", messages.ERROR
            )
            return HttpResponseRedirect(back)
        result = editors.switch_place(place, entry, request.user)
        moved = count_of(result.mentions, "mention")
        self.message_user(
            request,
            f"Moved {moved} from {editors.place_label(place)} to"
            f" {editors.place_label(result.target)}.",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:events_place_change", args=[result.target.pk]))

    @admin.display(description="map")
    def position_map(self, place: Place | None) -> str:
        return map_container(place_id=place.pk if place else None)

    @admin.display(description="mentions")
    def mentions_link(self, place: Place | None) -> str:
        if place is None or place.pk is None:
            return "–"
        url = reverse("admin:events_mention_changelist") + "?" + urlencode({"place": place.pk})
        return format_html('<a href="{}">{} mentions</a>', url, place.mentions.count())

    @admin.display(description="events")
    def events_link(self, place: Place | None) -> str:
        if place is None or place.pk is None:
            return "–"
        url = reverse("admin:events_event_changelist") + "?" + urlencode({"places": place.pk})
        return format_html('<a href="{}">{} events</a>', url, place.events.count())

    @admin.display(description="gazetteer identity")
    def gazetteer_identity(self, place: Place | None) -> str:
        if place is None:
            return "–"
        parts = []
        if place.geonameid:
            parts.append(f"GeoNames {place.geonameid}")
        if place.gazetteer_key:
            parts.append(f"key {place.gazetteer_key}")
        merged = list(place.redirects.exclude(merged_name="").values_list("merged_name", flat=True))
        if merged:
            parts.append("merged from " + ", ".join(sorted(set(merged))))
        return "; ".join(parts) or "made by an editor"

    def save_model(self, request: HttpRequest, obj: Place, form: forms.Form, change: bool) -> None:
        moved = "lat" in form.changed_data or "lon" in form.changed_data
        ticked = "verified" in form.changed_data and obj.verified
        if not change:
            # A place an editor adds by hand is theirs from the start.
            obj.geocode_source = Place.Source.EDITOR
            editors.mark_verified(obj, request.user, moved=True)
        elif moved or ticked:
            editors.mark_verified(obj, request.user, moved=moved)
        elif "verified" in form.changed_data and not obj.verified:
            obj.verified_by = None
            obj.verified_at = None
        super().save_model(request, obj, form, change)

    # Actions ---------------------------------------------------------------

    @admin.action(description="Mark selected places verified", permissions=["change"])
    def mark_verified(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = 0
        for place in queryset.filter(verified=False):
            editors.mark_verified(place, request.user, moved=False)
            place.save()
            count += 1
        self.message_user(request, f"{count_of(count, 'place')} marked verified.", messages.SUCCESS)

    # A change, not a delete: editors, who may not delete places, merge them.
    @admin.action(description="Merge selected places into one…", permissions=["change"])
    def merge_places(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        places = list(queryset)
        if len(places) < 2:
            self.message_user(request, "Select at least two places to merge.", messages.WARNING)
            return None
        if request.POST.get("confirm") == "yes":
            target_id = request.POST.get("target")
            target = next((p for p in places if str(p.pk) == target_id), None)
            if target is None:
                self.message_user(request, "Choose the place to keep.", messages.ERROR)
            else:
                result = editors.merge_places(target, places, request.user)
                self.message_user(request, merge_message(result), messages.SUCCESS)
                return HttpResponseRedirect(reverse("admin:events_place_change", args=[target.pk]))
        # The suggested survivor: a verified place, else the most mentioned.
        suggested = sorted(places, key=lambda p: (not p.verified, -p.mention_count, p.pk))[0]
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge places",
            "opts": self.model._meta,
            "places": places,
            "suggested": suggested,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/events/place/merge.html", context)


def merge_message(result: editors.MergeResult) -> str:
    """'Merged Khartoum (SD) #12 into Khartoum (SD) #7: …': the ids tell same-named places apart."""
    return (
        f"Merged {', '.join(result.merged)} into {editors.place_label(result.target)}: "
        f"{count_of(result.mentions, 'mention')} and {count_of(result.events, 'event')} moved, "
        f"{count_of(result.aliases, 'alias', 'aliases')} added."
    )


# --------------------------------------------------------------------------
# Mentions
# --------------------------------------------------------------------------


class MentionForm(forms.ModelForm):
    not_a_place = forms.ChoiceField(
        label="Not a place?",
        required=False,
        choices=[
            ("", "It is a place (point it at the right one above)"),
            (StopName.Scope.NOT_HERE, "Not a place in this article"),
            (StopName.Scope.NEVER, "Never a place, in any article"),
        ],
        help_text="Removes the mention now and keeps it away on every later ingest.",
    )

    class Meta:
        model = Mention
        fields = ["place", "not_a_place"]


@admin.register(Mention)
class MentionAdmin(TakesTurnWithIngests, SimpleHistoryAdmin):
    form = MentionForm
    list_display = ["surface", "place", "article", "confidence", "start"]
    list_select_related = ["place", "article"]
    list_filter = ["place__kind", "place__verified"]
    search_fields = ["surface", "place__name", "article__title"]
    autocomplete_fields = ["place"]
    readonly_fields = ["surface", "article", "span", "context", "confidence"]
    fields = ["surface", "article", "span", "context", "confidence", "place", "not_a_place"]
    actions = ["not_a_place_here", "never_a_place"]
    history_list_display = ["place", "surface"]

    @admin.display(description="characters")
    def span(self, mention: Mention) -> str:
        return f"{mention.start}–{mention.end}"

    @admin.display(description="in context")
    def context(self, mention: Mention) -> str:
        text = mention.article.text
        before = text[max(0, mention.start - 120) : mention.start]
        after = text[mention.end : mention.end + 120]
        return format_html(
            "…{}<mark>{}</mark>{}…", before, text[mention.start : mention.end], after
        )

    def save_model(
        self, request: HttpRequest, obj: Mention, form: forms.Form, change: bool
    ) -> None:
        scope = form.cleaned_data.get("not_a_place")
        if scope:
            # Removes this mention (and its namesakes): response_change sends
            # the editor back to the list.
            original = Mention.objects.get(pk=obj.pk)
            gone = editors.mark_not_a_place(original, scope, request.user)
            self.message_user(request, f"“{obj.surface}”: {count_of(gone, 'mention')} removed.")
            request._mention_removed = True  # type: ignore[attr-defined]
            return
        old_place_id = form.initial.get("place")
        super().save_model(request, obj, form, change)
        if "place" in form.changed_data:
            moved = editors.repoint_mention(obj, old_place_id, request.user)
            self.message_user(
                request,
                f"“{obj.surface}” now means {obj.place} here ({count_of(moved, 'mention')}).",
            )

    def response_change(self, request: HttpRequest, obj: Mention) -> HttpResponse:
        if getattr(request, "_mention_removed", False):
            return HttpResponseRedirect(reverse("admin:events_mention_changelist"))
        return super().response_change(request, obj)

    def _stop(self, request: HttpRequest, queryset: QuerySet, scope: str) -> None:
        gone = 0
        for mention in queryset:
            if Mention.objects.filter(pk=mention.pk).exists():  # a namesake may have gone
                gone += editors.mark_not_a_place(mention, scope, request.user)
        self.message_user(
            request, f"{count_of(gone, 'mention')} removed; the stop list keeps them away."
        )

    @admin.action(description="Not a place in this article", permissions=["change"])
    def not_a_place_here(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._stop(request, queryset, StopName.Scope.NOT_HERE)

    @admin.action(description="Never a place (stop list)", permissions=["change"])
    def never_a_place(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._stop(request, queryset, StopName.Scope.NEVER)


# --------------------------------------------------------------------------
# Events, stop list, the rest
# --------------------------------------------------------------------------


@admin.register(Event)
class EventAdmin(CalendarEdgeDates, TakesTurnWithIngests, SimpleHistoryAdmin):
    list_display = ["short_text", "kind", "date_start", "date_end", "happening", "article"]
    list_select_related = ["article", "lead"]
    list_filter = ["kind", "date_precision", "is_caption"]
    search_fields = ["text", "places__name", "article__title"]
    date_hierarchy = "date_start"
    autocomplete_fields = ["places"]
    readonly_fields = ["article", "text", "start", "end", "timex_value", "date_text", "happening"]
    fields = [
        "article",
        "text",
        ("kind", "headline", "speaker"),
        "places",
        ("date_start", "date_end", "date_precision"),
        ("date_text", "timex_value"),
        "is_caption",
        "happening",
    ]
    history_list_display = ["date_start", "date_end", "date_precision"]
    actions = ["join_happening", "split_happening"]

    @admin.display(description="event", ordering="text")
    def short_text(self, event: Event) -> str:
        return event.text[:100] + ("…" if len(event.text) > 100 else "")

    @admin.display(description="happening")
    def happening(self, event: Event | None) -> str:
        """Which happening this report tells: its lead, or the reports it leads."""
        if event is None or event.pk is None:
            return "–"
        if event.lead_id is not None:
            url = reverse("admin:events_event_change", args=[event.lead_id])
            return format_html('a report of <a href="{}">event {}</a>', url, event.lead_id)
        count = event.reports.count()
        if not count:
            return "told by this report alone"
        url = reverse("admin:events_event_changelist") + "?" + urlencode({"lead": event.pk})
        return format_html('leads <a href="{}">{}</a>', url, count_of(count, "other report"))

    @admin.action(description="Join the selected events as one happening", permissions=["change"])
    def join_happening(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        try:
            lead = happening_choices.join(list(queryset), request.user)
        except happening_choices.CannotJoin as why:
            self.message_user(request, str(why), messages.ERROR)
            return
        joined = count_of(queryset.count(), "event")
        self.message_user(request, f"Joined {joined} as one happening, led by event {lead.pk}.")

    @admin.action(
        description="Split the selected events off their happenings", permissions=["change"]
    )
    def split_happening(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        left = sum(happening_choices.split(event, request.user) for event in queryset)
        split = count_of(queryset.count(), "event")
        self.message_user(request, f"Split {split} off their happenings ({left} reports left).")


@admin.register(HappeningChoice)
class HappeningChoiceAdmin(SimpleHistoryAdmin):
    """Editors' joins and splits (made by the Events list's actions), to review or undo."""

    list_display = ["__str__", "same", "chosen_by", "chosen_at"]
    list_filter = ["same"]
    raw_id_fields = ["first", "second"]
    readonly_fields = ["chosen_by", "chosen_at"]

    # A choice changed or undone here applies at once, as the actions' do.
    def save_model(self, request: HttpRequest, obj: Any, form: forms.Form, change: bool) -> None:
        obj.chosen_by = request.user
        super().save_model(request, obj, form, change)
        happening_choices.regroup_around([obj.first, obj.second])

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        pair = [obj.first, obj.second]
        super().delete_model(request, obj)
        happening_choices.regroup_around(pair)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        pairs = [event for choice in queryset for event in (choice.first, choice.second)]
        super().delete_queryset(request, queryset)
        happening_choices.regroup_around(pairs)


class NormalizedNameForm(forms.ModelForm):
    """Sets `normalized` before validation, so the unique constraints check it."""

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        self.instance.normalized = normalize(data.get("name") or "")
        if data.get("name") is not None and not self.instance.normalized:
            self.add_error("name", "A name needs letters or digits.")
        return data


@admin.register(StopName)
class StopNameAdmin(SimpleHistoryAdmin):
    form = NormalizedNameForm
    list_display = ["name", "scope", "article", "created_by", "created_at"]
    list_filter = ["scope"]
    search_fields = ["name", "normalized"]
    autocomplete_fields = ["article"]
    fields = ["name", "scope", "article"]

    def save_model(
        self, request: HttpRequest, obj: StopName, form: forms.Form, change: bool
    ) -> None:
        if not change:
            obj.created_by = request.user  # type: ignore[assignment]
        super().save_model(request, obj, form, change)


@admin.register(PlaceAlias)
class PlaceAliasAdmin(SimpleHistoryAdmin):
    form = NormalizedNameForm
    list_display = ["name", "place", "normalized"]
    search_fields = ["name", "normalized", "place__name"]
    autocomplete_fields = ["place"]
    fields = ["place", "name"]


@admin.register(PlaceChoice)
class PlaceChoiceAdmin(SimpleHistoryAdmin):
    list_display = ["name", "place", "article", "chosen_by", "chosen_at"]
    search_fields = ["name", "place__name", "article__title"]
    autocomplete_fields = ["place", "article"]


@admin.register(PlaceRedirect)
class PlaceRedirectAdmin(admin.ModelAdmin):
    list_display = ["merged_name", "geonameid", "gazetteer_key", "place", "created_at"]
    search_fields = ["merged_name", "place__name"]


@admin.register(Article)
class ArticleAdmin(CalendarEdgeDates):
    list_display = ["title", "source", "published", "ingested_at"]
    list_filter = ["source"]
    # Titles and sources only: searching full texts would be slow, and
    # mention and stop-list forms look articles up by title.
    search_fields = ["title", "source"]
    date_hierarchy = "published"
    # An address typed without a scheme is https, as Django 6 will assume.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


# What a poll writes: shown on the form, never typed.
FEED_STATE = ["last_polled", "last_status", "error_lines", "articles_found"]


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "url",
        "home_place",
        "poll_interval",
        "active",
        "last_polled",
        "last_status",
        "articles_found",
    ]
    list_filter = ["active", "last_status"]
    search_fields = ["name", "url", "home_place"]
    fields = ["name", "url", "home_place", "poll_interval", "active", *FEED_STATE]
    readonly_fields = FEED_STATE
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    @admin.display(description="last error")
    def error_lines(self, feed: Feed) -> str:
        # The lines quote the feed and its pages: escaped, one per line.
        return linebreaksbr(feed.last_error, autoescape=True) if feed.last_error else "—"
