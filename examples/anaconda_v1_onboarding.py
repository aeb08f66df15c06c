#!/usr/bin/env python3
"""Onboarding and offboarding through the Anaconda-compatible Organization Management API (v1).

The sequence Anaconda documents for its own API, written the way its notebook's users write it,
with nothing but the Python standard library. Pointing it at this product changes only the base URL.

  python3 examples/anaconda_v1_onboarding.py --base-url http://127.0.0.1:3000 --org-id my-org \
      --username admin@example.com --password '...' --onboard new.person@example.com

The admin's password may come from the ANACONDA_ADMIN_PASSWORD environment variable instead.
It prints one JSON summary on stdout and exits non-zero at the first unexpected answer.
"""

import argparse
import base64
import datetime
import json
import os
import secrets
import sys
import urllib.error
import urllib.parse
import urllib.request


class ApiError(Exception):
    pass


class Client:
    def __init__(self, base_url):
        self.base_url = base_url.rstrip("/")
        self.token = None

    def request(self, method, path, body=None, expect=(200,), form=None, headers=None):
        headers = dict(headers or {})
        data = None
        if form is not None:
            data = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if self.token and "Authorization" not in headers:
            headers["Authorization"] = "Bearer " + self.token
        req = urllib.request.Request(self.base_url + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=30) as res:
                status, text = res.status, res.read().decode()
        except urllib.error.HTTPError as err:
            status, text = err.code, err.read().decode()
        payload = json.loads(text) if text else None
        if status not in expect:
            raise ApiError("%s %s answered %s: %s" % (method, path, status, text[:500]))
        return status, payload

    def password_token(self, username, password):
        _, answer = self.request("POST", "/api/iam/token", form={"grant_type": "password", "username": username, "password": password})
        return answer["access_token"]

    def client_credentials_token(self, client_id, client_secret):
        basic = base64.b64encode(("%s:%s" % (client_id, client_secret)).encode()).decode()
        _, answer = self.request(
            "POST", "/api/iam/token", form={"grant_type": "client_credentials"}, headers={"Authorization": "Basic " + basic}
        )
        return answer["access_token"]


def offboard(api, org, user_id):
    """Revoke the user's live tokens, then the seat, then remove the user (the documented order)."""
    _, tokens = api.request("GET", "%s/users/%s/tokens" % (org, user_id))
    revoked = []
    for token in tokens["items"]:
        if not token.get("revoked"):
            api.request("DELETE", "%s/users/%s/tokens/%s" % (org, user_id, token["id"]), expect=(204,))
            revoked.append(token["id"])
    api.request("DELETE", "%s/users/%s/seats" % (org, user_id), expect=(204,))
    api.request("DELETE", "%s/users/%s" % (org, user_id), expect=(204,))
    return revoked


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--org-id", required=True, help="The Organization ID, as in the portal's URLs")
    parser.add_argument("--username", required=True, help="An organization admin's email")
    parser.add_argument("--password", default=os.environ.get("ANACONDA_ADMIN_PASSWORD"))
    parser.add_argument("--onboard", action="append", default=[], help="An address to onboard (repeatable)")
    args = parser.parse_args()
    if not args.password:
        parser.error("give --password or set ANACONDA_ADMIN_PASSWORD")

    api = Client(args.base_url)
    org = "/api/v1/organizations/" + urllib.parse.quote(args.org_id, safe="")
    summary = {}

    # 1. An admin's user token creates a service account; its credentials get the token for the rest.
    api.token = api.password_token(args.username, args.password)
    _, account = api.request("POST", org + "/service-accounts", {"name": "onboarding_" + secrets.token_hex(3)})
    _, accounts = api.request("GET", org + "/service-accounts")
    assert account["client_id"] in [a["client_id"] for a in accounts["items"]], "the new service account is not listed"
    admin_token = api.token
    api.token = api.client_credentials_token(account["client_id"], account["client_secret"])
    summary["service_account"] = account["name"]

    # 2. Automated onboarding: new accounts with a seat and a token each.
    _, onboarding = api.request("POST", org + "/users_auto_registration", {"user_emails": args.onboard})
    summary["onboarding"] = onboarding

    # 3. An organization-managed user for a notebook server: seat, token, renewal.
    _, managed = api.request("POST", org + "/users", {"first_name": "Jupyter", "last_name": "Server-1"})
    user_id = managed["id"]
    api.request("POST", "%s/users/%s/seats" % (org, user_id), expect=(201,))
    expires = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=20)).replace(microsecond=0).isoformat()
    _, issued = api.request("POST", "%s/users/%s/token" % (org, user_id), {"expires_at": expires, "send_token_email": False})
    _, renewed = api.request("PATCH", "%s/users/%s/token" % (org, user_id), {"is_renewal": True})
    _, users = api.request("GET", org + "/users")
    listed = next(u for u in users["items"] if u["id"] == user_id)
    summary["managed_user"] = {
        "id": user_id,
        "email": managed["email"],
        "listed": listed,
        "token_issued": bool(issued["token"]),
        "expires_at": issued["expires_at"],
        "renewed_expires_at": renewed["expires_at"],
    }

    # 4. Offboarding: the managed user and every onboarded person.
    summary["offboarded"] = {user_id: offboard(api, org, user_id)}
    for email in onboarding["users_in_onboarding_process"]:
        person = next(u for u in users["items"] if u["email"] == email)
        summary["offboarded"][person["id"]] = offboard(api, org, person["id"])
    _, remaining = api.request("GET", org + "/users")
    summary["remaining_users"] = len(remaining["items"])

    # 5. The service account goes too (an admin's user token deletes it); its tokens stop at once.
    sa_token, api.token = api.token, admin_token
    api.request("DELETE", "%s/service-accounts/%s" % (org, account["client_id"]), expect=(204,))
    api.token = sa_token
    _, refused = api.request("GET", org + "/users", expect=(401,))
    summary["deleted_service_account_refused"] = refused["error"]["code"]

    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    try:
        main()
    except (ApiError, AssertionError, KeyError, StopIteration) as err:
        print("failed: %r" % (err,), file=sys.stderr)
        sys.exit(1)
