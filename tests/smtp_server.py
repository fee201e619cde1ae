#!/usr/bin/env python3
"""A real SMTP server on loopback for the message tests (aiosmtpd, from PyPI).

Each message it accepts is written to DIR as one JSON file (envelope, headers, the decoded
subject and text), named so they sort in the order they arrived. It prints "ready" once it
listens. Options make it behave as real servers do when things go wrong: refuse a mailbox
(550, a bounce), answer late after the message (a till stopped mid-send), require STARTTLS,
speak TLS from the first byte, ask for a password.
"""

import argparse
import asyncio
import email
import email.policy
import json
import os
import ssl
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Handler:
    def __init__(self, args):
        self.args = args
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.args.refuse:
            return "550 5.1.1 <%s>: no such mailbox here" % address
        if self.args.delay_rcpt:
            await asyncio.sleep(self.args.delay_rcpt)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        body = msg.get_body(preferencelist=("plain",))
        record = {
            "from": envelope.mail_from,
            "to": envelope.rcpt_tos,
            "subject": str(msg["Subject"] or ""),
            "message_id": str(msg["Message-ID"] or ""),
            "content_language": str(msg["Content-Language"] or ""),
            "list_unsubscribe": str(msg["List-Unsubscribe"] or ""),
            "list_unsubscribe_post": str(msg["List-Unsubscribe-Post"] or ""),
            "text": body.get_content() if body is not None else "",
            # STARTTLS sets session.ssl; TLS from the first byte shows on the transport.
            "tls": session.ssl is not None
            or server.transport.get_extra_info("ssl_object") is not None,
            "authenticated": bool(session.authenticated),
        }
        # Written before the answer: a server that has the message delivers it, whether or
        # not the client is still there to hear "250".
        self.count += 1
        name = "%020d-%04d.json" % (time.time_ns(), self.count)
        tmp = os.path.join(self.args.dir, "." + name)
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
        os.rename(tmp, os.path.join(self.args.dir, name))
        if self.args.delay_data:
            await asyncio.sleep(self.args.delay_data)
        return "250 2.0.0 Message accepted for delivery"


def authenticator(expected):
    user, _, password = expected.partition(":")

    def check(server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == user
            and auth_data.password.decode() == password
        )
        # handled=False: the server answers 535 itself.
        return AuthResult(success=ok, handled=False)

    return check


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--dir", required=True)
    p.add_argument("--refuse", action="append", default=[])
    p.add_argument("--delay-data", type=float, default=0)
    p.add_argument("--delay-rcpt", type=float, default=0)
    p.add_argument("--cert")
    p.add_argument("--key")
    p.add_argument("--implicit-tls", action="store_true")
    p.add_argument("--auth", help="user:password, required before MAIL")
    args = p.parse_args()
    args.refuse = [r.lower() for r in args.refuse]
    os.makedirs(args.dir, exist_ok=True)

    context = None
    if args.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
    kwargs = dict(hostname="127.0.0.1", port=args.port, server_hostname="127.0.0.1")
    server_kwargs = {}
    if args.auth:
        server_kwargs["authenticator"] = authenticator(args.auth)
        server_kwargs["auth_required"] = True
        # Over TLS from the first byte the connection is already private (aiosmtpd only
        # counts STARTTLS as TLS when it decides whether to offer AUTH).
        server_kwargs["auth_require_tls"] = context is not None and not args.implicit_tls
    if context is not None and args.implicit_tls:
        kwargs["ssl_context"] = context
    elif context is not None:
        kwargs["tls_context"] = context
        kwargs["require_starttls"] = True
    controller = Controller(Handler(args), server_kwargs=server_kwargs, **kwargs)
    controller.start()
    print("ready", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()


if __name__ == "__main__":
    sys.exit(main())
