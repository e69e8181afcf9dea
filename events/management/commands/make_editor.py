"""Make a user an editor: staff, in the Editors group, nothing more."""

from __future__ import annotations

import getpass
import os
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from events.editors import make_editor


class Command(BaseCommand):
    help = (
        "Make USERNAME an editor (staff, in the Editors group). With --create, create the "
        "user first; the password comes from NEWSMAP_EDITOR_PASSWORD or a prompt."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--create", action="store_true", help="create the user if missing")
        parser.add_argument("--email", default="", help="e-mail for a created user")

    def handle(self, *args: Any, username: str, create: bool, email: str, **options: Any) -> None:
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            if not create:
                raise CommandError(f"no user {username!r} (add --create to create one)")
            user = User(username=username, email=email)
            # An environment variable for scripts; a prompt, never an argument,
            # so the password stays out of shell history.
            password = os.environ.get("NEWSMAP_EDITOR_PASSWORD") or self._prompt()
            try:
                validate_password(password, user)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from None
            user.set_password(password)
            user.save()
        if user.is_superuser:
            self.stderr.write(f"note: {username} is a superuser and can do everything anyway")
        try:
            make_editor(user)
        except DatabaseError as error:
            raise CommandError(f"the database is not set up: run migrate ({error})") from None
        self.stdout.write(f"{username} is an editor: log in at /admin/")

    def _prompt(self) -> str:
        if not os.isatty(0):
            raise CommandError("set NEWSMAP_EDITOR_PASSWORD or run in a terminal")
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password (again): "):
            raise CommandError("the passwords differ")
        return first
