"""The inbox web application (Starlette, server-rendered Jinja2 pages in Vietnamese).

Every page checks the signed session cookie, the account's role and its scope (groups,
districts); every form carries a CSRF token; every person's action is produced to
``moderation.actions`` and recorded in the append-only audit log. Database work runs in
the thread pool, off the event loop that also runs the projector.
"""

from __future__ import annotations

import logging
import secrets
import statistics
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Awaitable, Callable
from urllib.parse import quote
from zoneinfo import ZoneInfo

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from pipeline.domain.groups import GroupsConfig
from pipeline.inbox import charts, metrics
from pipeline.inbox.accounts import Account, verify
from pipeline.inbox.models import (AuditEntry, Case, Decision, Delivery, Escalation, Feedback, LostFound,
                                   Review, Warning)
from pipeline.inbox.projector import apply_action
from pipeline.inbox.scope import Scope
from pipeline.inbox.security import CSRF_FIELD, CSRF_HEADER, LoginLimiter, csrf_ok, csrf_token

log = logging.getLogger("binhyen.inbox")
HERE = Path(__file__).resolve().parent
TZ = ZoneInfo("Asia/Ho_Chi_Minh")

CATEGORY_VI = {"tip": "Tin báo ANTT", "spam": "Quảng cáo / spam", "lost_item": "Thất lạc / nhặt được",
               "off_topic": "Ngoài chủ đề"}
RULE_VI = {"antt_only": "Chỉ nội dung ANTT", "office_hours": "Ngoài giờ hành chính", "spam": "Spam",
           "flood": "Gửi dồn dập"}
ACTION_VI = {"remind": "Nhắc nhở", "final_warning": "Cảnh cáo lần cuối", "remove": "Đề nghị mời ra khỏi nhóm"}
STATUS_VI = {"open": "Chưa tiếp nhận", "acknowledged": "Đã tiếp nhận", "resolved": "Đã xử lý",
             "not_tip": "Không phải tin báo", "returned": "Đã trả lại chủ"}
ROLE_VI = {"officer": "Cán bộ công an", "leader": "Trưởng nhóm", "operator": "Vận hành"}
HUMAN_ACTION_VI = {"acknowledge": "Tiếp nhận", "assign": "Giao cho", "resolve": "Đã xử lý", "correct": "Sửa phân loại",
                   "pardon": "Ân xá", "confirm_removal": "Xác nhận mời ra khỏi nhóm", "returned": "Đã trả lại chủ",
                   "exempt": "Miễn trừ", "unexempt": "Bỏ miễn trừ"}
ATTACH_VI = {"image": "Ảnh", "video": "Video", "audio": "Ghi âm", "file": "Tệp", "link": "Liên kết", "location": "Vị trí"}
TABLE_VI = {"escalations": "tin báo", "warnings": "cảnh báo", "lost_found": "tin thất lạc", "decisions": "tin nhắn đã xét",
            "reviews": "cần xem lại", "feedback": "chỉnh sửa phân loại", "deliveries": "lượt gửi tin",
            "audit_log": "thao tác (nhật ký)"}
LF_KIND_VI = {"lost": "Mất đồ", "found": "Nhặt được", "returned": "Đã trả lại", "unknown": "Chưa rõ"}


@dataclass
class InboxState:
    """What the app needs at run time (built by ``pipeline.inbox.service``)."""

    maker: sessionmaker[Session]
    accounts: dict[str, Account]
    groups: GroupsConfig
    send_action: Callable[[dict], Awaitable[None]]  # produces one record to moderation.actions
    ack_minutes: float = 15.0
    limiter: LoginLimiter = field(default_factory=LoginLimiter)
    clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc).replace(tzinfo=None)


class Forbidden(HTTPException):
    def __init__(self) -> None:
        super().__init__(404, "Không tìm thấy, hoặc bạn không có quyền xem mục này.")


# --------------------------------------------------------------------------- template helpers

_REASONS = (("classified tip", "phân loại là tin báo"), ("urgent: emergency", "khẩn cấp"),
            ("on a public holiday", "vào ngày lễ"), ("outside office hours", "ngoài giờ hành chính"),
            ("attachments", "có đính kèm"), ("reported by leader", "do trưởng nhóm báo"),
            ("reported by officer", "do cán bộ báo"), ("reported by", "người báo là"))


def reason_vi(reason: str) -> str:
    """The engine's reasons (English, for logs and machines) in Vietnamese for officers."""
    for en, vi in _REASONS:
        if reason.startswith(en):
            return vi + reason[len(en):]
    return reason


def safe_url(url: object) -> str:
    """Only http(s) links from messages become links (never ``javascript:`` or ``data:``)."""
    return url if isinstance(url, str) and url.lower().startswith(("https://", "http://")) else ""


def vntime(value: datetime | None) -> str:
    if value is None:
        return "—"
    return value.replace(tzinfo=timezone.utc).astimezone(TZ).strftime("%H:%M %d/%m/%Y")


def pct(value: float | None) -> str:
    return "—" if value is None else f"{round(value * 100)}%"


def minutes(value: float | None) -> str:
    if value is None:
        return "—"
    if value < 1:
        return f"{value * 60:.0f} giây"
    if value < 60:
        return f"{value:.0f} phút"
    return f"{value / 60:.1f} giờ"


templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.filters.update(vntime=vntime, reason_vi=reason_vi, safe_url=safe_url, pct=pct, minutes=minutes, urlq=lambda s: quote(str(s), safe=""))
templates.env.globals.update(CATEGORY_VI=CATEGORY_VI, RULE_VI=RULE_VI, ACTION_VI=ACTION_VI, STATUS_VI=STATUS_VI,
                             ROLE_VI=ROLE_VI, TABLE_VI=TABLE_VI, ATTACH_VI=ATTACH_VI, HUMAN_ACTION_VI=HUMAN_ACTION_VI, LF_KIND_VI=LF_KIND_VI,
                             CSRF_FIELD=CSRF_FIELD)


# --------------------------------------------------------------------------- request context

@dataclass
class Ctx:
    request: Request
    state: InboxState
    account: Account
    scope: Scope
    form: dict[str, str]

    async def db(self, fn: Callable[..., Any], *args: Any) -> Any:
        def run() -> Any:
            with self.state.maker() as session:
                return fn(session, *args)
        return await run_in_threadpool(run)

    def render(self, template: str, status_code: int = 200, **values: Any) -> Response:
        flash = self.request.session.pop("flash", None)
        accounts = self.state.accounts
        return templates.TemplateResponse(self.request, template, {
            "who": lambda pid: accounts[pid].label() if pid in accounts else pid,
            "account": self.account, "csrf": csrf_token(self.request.session), "flash": flash,
            "groups_cfg": self.state.groups, "nav": _nav(self.account), "ack_minutes": self.state.ack_minutes,
            **values}, status_code=status_code)

    async def in_scope(self, model: type, key: str) -> Any:
        """The row of ``model`` with primary key ``key``, if its group is in the account's scope."""
        row = await self.db(lambda s: s.get(model, key))
        if row is None or not self.scope.allows_group(row.group_id):
            raise Forbidden()
        return row

    def group_name(self, group_id: str) -> str:
        cfg = self.state.groups.groups.get(group_id)
        return cfg.name if cfg and cfg.name else group_id

    def flash(self, text: str, kind: str = "ok") -> None:
        self.request.session["flash"] = {"text": text, "kind": kind}

    def back(self, default: str) -> RedirectResponse:
        target = self.form.get("next") or default
        if not target.startswith("/") or target.startswith("//"):
            target = default
        return RedirectResponse(target, status_code=303)

    async def act(self, action: str, group_id: str, *, allowed: bool | None = None, **fields: Any) -> dict | None:
        """Produce one action to moderation.actions and record it (audit log, case state).

        ``allowed``: the caller already checked the subject (an escalation seen by district);
        otherwise the group must be in the account's scope."""
        if not (self.scope.allows_group(group_id) if allowed is None else allowed):
            raise Forbidden()
        record = {"action_id": uuid.uuid4().hex, "group_id": group_id, "action": action,
                  "actor_id": self.account.account_id, "actor_role": self.account.role,
                  "requested_at": datetime.now(TZ).isoformat(timespec="seconds"),
                  **{k: v for k, v in fields.items() if v not in (None, "")}}
        try:
            await self.state.send_action(record)
        except Exception as exc:  # noqa: BLE001 - the broker is down: tell the person, keep serving
            metrics.ACTION_ERRORS.inc()
            log.warning("could not produce an action (%s)", type(exc).__name__)
            self.flash("Không gửi được thao tác (hệ thống tạm thời không kết nối được). Vui lòng thử lại.", "error")
            return None
        metrics.ACTIONS.labels(action=action, role=self.account.role).inc()

        def record_it(session: Session) -> None:
            try:
                apply_action(session, record)
                session.commit()
            except IntegrityError:  # the projector read it back from the topic first: already recorded
                session.rollback()
        await self.db(record_it)
        return record


def _nav(account: Account) -> list[tuple[str, str]]:
    if account.role == "officer":
        return [("/escalations", "Tin báo"), ("/warnings", "Cảnh báo"), ("/lost-found", "Thất lạc"),
                ("/review", "Cần xem lại"), ("/overview", "Tổng quan"), ("/audit", "Nhật ký"), ("/ops", "Vận hành")]
    if account.role == "leader":
        return [("/warnings", "Cảnh báo"), ("/lost-found", "Thất lạc"), ("/review", "Cần xem lại"),
                ("/groups", "Thống kê")]
    return [("/ops", "Vận hành")]


def page(*roles: str, post: bool = False):
    """Decorator: session login, role check, CSRF check on POST, then the handler with a :class:`Ctx`."""
    def deco(fn: Callable[[Ctx], Awaitable[Response]]):
        async def endpoint(request: Request) -> Response:
            state: InboxState = request.app.state.inbox
            account = state.accounts.get(request.session.get("account", ""))
            if account is None:
                if request.method == "POST":
                    return PlainTextResponse("Phiên đăng nhập đã hết hạn.", status_code=403)
                return RedirectResponse("/login?next=" + quote(request.url.path), status_code=303)
            form: dict[str, str] = {}
            if request.method == "POST":
                data = await request.form()
                form = {k: v for k, v in data.items() if isinstance(v, str)}
                if not csrf_ok(request.session, form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER)):
                    metrics.CSRF_REJECTED.inc()
                    return PlainTextResponse("Mã bảo vệ biểu mẫu (CSRF) thiếu hoặc sai.", status_code=403)
            if roles and account.role not in roles:
                return _error(request, account, 403, "Tài khoản của bạn không có quyền xem trang này.")
            ctx = Ctx(request, state, account, Scope.of(account, state.groups), form)
            try:
                return await fn(ctx)
            except HTTPException as exc:
                return _error(request, account, exc.status_code, exc.detail)
        endpoint.__name__ = fn.__name__
        return endpoint
    return deco


def _error(request: Request, account: Account | None, status: int, text: str) -> Response:
    return templates.TemplateResponse(request, "error.html", {
        "account": account, "nav": _nav(account) if account else [], "status": status, "text": text,
        "csrf": csrf_token(request.session), "flash": None}, status_code=status)


# --------------------------------------------------------------------------- login

async def login_page(request: Request) -> Response:
    state: InboxState = request.app.state.inbox
    if request.method == "GET":
        return templates.TemplateResponse(request, "login.html", {
            "csrf": csrf_token(request.session), "account": None, "nav": [], "flash": None, "error": None,
            "next": request.query_params.get("next", "/")})
    data = await request.form()
    form = {k: v for k, v in data.items() if isinstance(v, str)}
    if not csrf_ok(request.session, form.get(CSRF_FIELD)):
        metrics.CSRF_REJECTED.inc()
        return PlainTextResponse("Mã bảo vệ biểu mẫu (CSRF) thiếu hoặc sai.", status_code=403)
    username = form.get("username", "").strip()[:200]
    password = form.get("password", "")[:1000]
    address = request.client.host if request.client else "-"
    error = None
    status = 200
    left = state.limiter.locked(username, address)
    if left > 0:
        metrics.LOGINS.labels(outcome="locked").inc()
        error = f"Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {int(left // 60) + 1} phút."
        status = 429
    else:
        account = state.accounts.get(username)
        ok = await run_in_threadpool(verify, account, password)
        if ok and account is not None:
            state.limiter.succeeded(username, address)
            metrics.LOGINS.labels(outcome="ok").inc()
            request.session.clear()
            request.session["account"] = account.account_id
            csrf_token(request.session)
            target = form.get("next") or "/"
            if not target.startswith("/") or target.startswith("//"):
                target = "/"
            return RedirectResponse(target, status_code=303)
        state.limiter.failed(username, address)
        metrics.LOGINS.labels(outcome="wrong").inc()
        if state.limiter.locked(username, address) > 0:
            error = "Đăng nhập sai quá nhiều lần. Tài khoản tạm khóa trên máy này."
            status = 429
        else:
            error = "Sai tên đăng nhập hoặc mật khẩu."
            status = 401
    return templates.TemplateResponse(request, "login.html", {
        "csrf": csrf_token(request.session), "account": None, "nav": [], "flash": None, "error": error,
        "next": form.get("next", "/"), "username": username}, status_code=status)


@page(post=True)
async def logout(ctx: Ctx) -> Response:
    ctx.request.session.clear()
    return RedirectResponse("/login", status_code=303)


@page()
async def home(ctx: Ctx) -> Response:
    return RedirectResponse(_nav(ctx.account)[0][0], status_code=303)


# --------------------------------------------------------------------------- officers: escalations

def _overdue(esc: Escalation, case: Case | None, now: datetime, ack_minutes: float) -> bool:
    if esc.priority != "urgent" or (case is not None and case.status != "open"):
        return False
    since = esc.published_at or esc.sent_at
    return since is not None and now - since > timedelta(minutes=ack_minutes)


def _officers_for(state: InboxState, group_id: str) -> list[tuple[str, str]]:
    ids = set()
    cfg = state.groups.groups.get(group_id)
    if cfg:
        ids |= set(cfg.officers)
    for acc in state.accounts.values():
        if acc.role == "officer" and Scope.of(acc, state.groups).allows_group(group_id):
            ids.add(acc.account_id)
    return sorted((i, state.accounts[i].label() if i in state.accounts else i) for i in ids)


@page("officer")
async def escalations(ctx: Ctx) -> Response:
    show = ctx.request.query_params.get("show", "open")
    show = show if show in ("open", "mine", "all") else "open"
    now = ctx.state.clock()

    def load(session: Session) -> list[tuple[Escalation, Case | None]]:
        q = (select(Escalation, Case).outerjoin(Case, Case.case_id == Escalation.escalation_id)
             .where(ctx.scope.escalation_filter()))
        if show in ("open", "mine"):
            q = q.where((Case.status.is_(None)) | (Case.status.in_(("open", "acknowledged"))))
        if show == "mine":
            q = q.where(Case.assigned_to == ctx.account.account_id)
        q = q.order_by(Escalation.priority != "urgent", Escalation.sent_at.desc()).limit(500)
        return [(e, c) for e, c in session.execute(q).all()]
    rows = await ctx.db(load)
    status_rank = {"open": 0, "acknowledged": 1}
    rows.sort(key=lambda ec: (ec[0].priority != "urgent", status_rank.get(ec[1].status if ec[1] else "open", 2),
                              -(ec[0].sent_at or datetime.min).timestamp()))
    items = [{"esc": e, "case": c, "overdue": _overdue(e, c, now, ctx.state.ack_minutes),
              "officers": _officers_for(ctx.state, e.group_id)} for e, c in rows]
    summary = {"urgent_open": sum(1 for i in items if i["esc"].priority == "urgent"
                                  and (i["case"] is None or i["case"].status == "open")),
               "overdue": sum(1 for i in items if i["overdue"]),
               "open": sum(1 for i in items if i["case"] is None or i["case"].status in ("open", "acknowledged"))}
    return ctx.render("escalations.html", items=items, show=show, summary=summary, autorefresh=30)


async def _escalation_in_scope(ctx: Ctx, esc_id: str) -> tuple[Escalation, Case | None]:
    def load(session: Session) -> tuple[Escalation | None, Case | None]:
        return session.get(Escalation, esc_id), session.get(Case, esc_id)
    esc, case = await ctx.db(load)
    if esc is None or not ctx.scope.allows_escalation(esc):
        raise Forbidden()
    return esc, case


@page("officer")
async def escalation_detail(ctx: Ctx) -> Response:
    esc, case = await _escalation_in_scope(ctx, ctx.request.path_params["case_id"])
    now = ctx.state.clock()

    def history(session: Session) -> list[AuditEntry]:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.case_id == esc.escalation_id)
                                    .order_by(AuditEntry.requested_at)))
    return ctx.render("escalation.html", esc=esc, case=case, overdue=_overdue(esc, case, now, ctx.state.ack_minutes),
                      officers=_officers_for(ctx.state, esc.group_id), history=await ctx.db(history))


@page("officer", post=True)
async def escalation_action(ctx: Ctx) -> Response:
    esc, case = await _escalation_in_scope(ctx, ctx.request.path_params["case_id"])
    what = ctx.request.path_params["what"]
    back = ctx.back("/escalations")

    async def act(action: str, group_id: str, **fields: Any) -> dict | None:
        # checked above by allows_escalation (an officer may see a group's case through its district)
        return await ctx.act(action, group_id, allowed=True, **fields)
    if what == "acknowledge":
        if await act("acknowledge", esc.group_id, case_id=esc.escalation_id, message_id=esc.message_id):
            ctx.flash("Đã tiếp nhận tin báo.")
    elif what == "assign":
        assignee = ctx.form.get("assignee", "")
        if assignee not in dict(_officers_for(ctx.state, esc.group_id)):
            ctx.flash("Hãy chọn một cán bộ của nhóm này.", "error")
        elif await act("assign", esc.group_id, case_id=esc.escalation_id, assignee=assignee,
                       message_id=esc.message_id):
            ctx.flash(f"Đã giao cho {ctx.state.accounts[assignee].label() if assignee in ctx.state.accounts else assignee}.")
    elif what == "resolve":
        if await act("resolve", esc.group_id, case_id=esc.escalation_id, message_id=esc.message_id,
                     note=ctx.form.get("note", "").strip()[:2000]):
            ctx.flash("Đã đánh dấu đã xử lý.")
    elif what == "not-tip":
        category = ctx.form.get("category", "off_topic")
        if category not in ("spam", "lost_item", "off_topic"):
            ctx.flash("Hãy chọn loại đúng của tin nhắn.", "error")
        elif await act("correct", esc.group_id, case_id=esc.escalation_id, message_id=esc.message_id,
                       category=category, note=ctx.form.get("note", "").strip()[:2000]):
            ctx.flash("Đã ghi nhận: không phải tin báo. Hệ thống sẽ học từ chỉnh sửa này.")
    else:
        raise Forbidden()
    return back


# --------------------------------------------------------------------------- leaders: warnings and members

@dataclass
class WarningView:
    w: Warning
    status: str  # active | withdrawn | pardoned
    model_category: str = ""
    corrected_to: str = ""
    pending: list[AuditEntry] = field(default_factory=list)


def _warning_views(session: Session, warnings: list[Warning], effects: list[Warning],
                   audit: list[AuditEntry]) -> list[WarningView]:
    withdrawn = {(e.group_id, e.message_id) for e in effects if e.kind == "withdrawn"}
    pardons = [e for e in effects if e.kind == "pardoned"]
    mids = {w.message_id for w in warnings}
    decisions = {(d.group_id, d.message_id): d.category for d in session.scalars(
        select(Decision).where(Decision.message_id.in_(sorted(mids))))} if mids else {}
    feedback = {(f.group_id, f.message_id): f.person_category for f in session.scalars(
        select(Feedback).where(Feedback.message_id.in_(sorted(mids))))} if mids else {}
    applied = {e.action_id for e in effects if e.action_id} | {
        f.action_id for f in session.scalars(select(Feedback).where(Feedback.message_id.in_(sorted(mids))))}
    views = []
    for w in warnings:
        status = "active"
        if (w.group_id, w.message_id) in withdrawn:
            status = "withdrawn"
        elif any(p.group_id == w.group_id and p.sender_id == w.sender_id and (p.rule in (None, w.rule))
                 and (p.published_at or datetime.min) >= (w.published_at or datetime.min) for p in pardons):
            status = "pardoned"
        pending = [a for a in audit if a.group_id == w.group_id and a.action_id not in applied
                   and ((a.action == "correct" and a.message_id == w.message_id)
                        or (a.action == "pardon" and a.member_id == w.sender_id))]
        views.append(WarningView(w, status, decisions.get((w.group_id, w.message_id), ""),
                                 feedback.get((w.group_id, w.message_id), ""), pending))
    return views


@page("leader", "officer")
async def warnings_page(ctx: Ctx) -> Response:
    group = ctx.request.query_params.get("group", "")
    if group and not ctx.scope.allows_group(group):
        raise Forbidden()

    def load(session: Session) -> list[WarningView]:
        cond = ctx.scope.group_filter(Warning.group_id)
        if group:
            cond = cond & (Warning.group_id == group)
        ws = list(session.scalars(select(Warning).where(cond, Warning.kind == "warning")
                                  .order_by(Warning.sent_at.desc(), Warning.warning_id).limit(300)))
        effects = list(session.scalars(select(Warning).where(cond, Warning.kind != "warning")))
        audit = list(session.scalars(select(AuditEntry).where(ctx.scope.group_filter(AuditEntry.group_id),
                                                              AuditEntry.action.in_(("pardon", "correct")))))
        return _warning_views(session, ws, effects, audit)
    views = await ctx.db(load)
    pending = any(v.pending for v in views)
    groups = sorted(ctx.scope.group_ids)
    members: dict[tuple[str, str], dict] = {}
    for v in views:  # newest first: the first seen is the member's latest warning
        m = members.setdefault((v.w.group_id, v.w.sender_id), {"group_id": v.w.group_id, "member": v.w.sender_id,
                                                                 "latest": v.w, "active": 0})
        m["active"] += v.status == "active"
    watch = sorted((m for m in members.values() if m["active"]), key=lambda m: -m["latest"].strike_count)[:10]
    return ctx.render("warnings.html", views=views, group=group, groups=groups, autorefresh=4 if pending else 0,
                      group_name=ctx.group_name, watch=watch)


@page("leader", "officer")
async def member_page(ctx: Ctx) -> Response:
    group, member = ctx.request.path_params["group_id"], ctx.request.path_params["member_id"]
    if not ctx.scope.allows_group(group):
        raise Forbidden()

    def load(session: Session) -> tuple[list[WarningView], list[Warning], list[AuditEntry]]:
        records = list(session.scalars(select(Warning).where(Warning.group_id == group, Warning.sender_id == member)
                                       .order_by(Warning.published_at, Warning.warning_id)))
        ws = [r for r in records if r.kind == "warning"]
        mids = sorted({w.message_id for w in ws if w.message_id})
        audit = list(session.scalars(select(AuditEntry).where(
            AuditEntry.group_id == group,
            (AuditEntry.member_id == member) | (AuditEntry.message_id.in_(mids) & (AuditEntry.action == "correct")))
            .order_by(AuditEntry.requested_at)))
        effects = [r for r in records if r.kind != "warning"]
        all_effects = list(session.scalars(select(Warning).where(Warning.group_id == group,
                                                                 Warning.kind == "withdrawn")))
        return _warning_views(session, ws, effects + all_effects, audit), records, audit
    views, records, audit = await ctx.db(load)
    strikes = records[-1].strike_count if records else 0
    return ctx.render("member.html", group=group, member=member, views=views, records=records, audit=audit,
                      strikes=strikes, group_name=ctx.group_name)


@page("leader", "officer", post=True)
async def warning_action(ctx: Ctx) -> Response:
    w = await ctx.in_scope(Warning, ctx.form.get("warning_id", ""))
    what = ctx.request.path_params["what"]
    back = ctx.back("/warnings")
    if what == "pardon":
        rule = ctx.form.get("rule") or None
        if rule is not None and rule not in RULE_VI:
            rule = None
        if await ctx.act("pardon", w.group_id, member_id=w.sender_id, rule=rule,
                         note=ctx.form.get("note", "").strip()[:2000]):
            ctx.flash("Đã gửi yêu cầu ân xá. Trang sẽ cập nhật khi hệ thống áp dụng xong.")
    elif what == "confirm-removal":
        if await ctx.act("confirm_removal", w.group_id, member_id=w.sender_id, message_id=w.message_id):
            ctx.flash("Đã xác nhận mời thành viên ra khỏi nhóm.")
    elif what == "correct":
        category = ctx.form.get("category", "")
        if category not in CATEGORY_VI:
            ctx.flash("Hãy chọn loại đúng của tin nhắn.", "error")
        elif await ctx.act("correct", w.group_id, message_id=w.message_id, category=category):
            ctx.flash("Đã gửi sửa phân loại. Nếu tin nhắn không vi phạm, lỗi sẽ được rút.")
    else:
        raise Forbidden()
    return back


# --------------------------------------------------------------------------- lost and found

@page("leader", "officer")
async def lost_found_page(ctx: Ctx) -> Response:
    def load(session: Session) -> list[tuple[LostFound, Case | None]]:
        q = (select(LostFound, Case).outerjoin(Case, Case.case_id == LostFound.report_id)
             .where(ctx.scope.group_filter(LostFound.group_id))
             .order_by(LostFound.sent_at.desc()).limit(300))
        return [(r, c) for r, c in session.execute(q).all()]
    rows = await ctx.db(load)
    return ctx.render("lost_found.html", rows=rows, group_name=ctx.group_name)


@page("leader", "officer", post=True)
async def lost_found_returned(ctx: Ctx) -> Response:
    report = await ctx.in_scope(LostFound, ctx.request.path_params["case_id"])
    if await ctx.act("returned", report.group_id, case_id=report.report_id, message_id=report.message_id):
        ctx.flash("Đã đánh dấu: đồ đã được trả lại chủ.")
    return ctx.back("/lost-found")


# --------------------------------------------------------------------------- review queue

@page("leader", "officer")
async def review_page(ctx: Ctx) -> Response:
    def load(session: Session) -> list[dict]:
        reviews = list(session.scalars(select(Review).where(ctx.scope.group_filter(Review.group_id))
                                       .order_by(Review.sent_at.desc()).limit(300)))
        mids = sorted({r.message_id for r in reviews})
        done: dict[tuple[str, str], str] = {}
        if mids:
            for f in session.scalars(select(Feedback).where(Feedback.message_id.in_(mids))):
                done[(f.group_id, f.message_id)] = f.person_category
            for a in session.scalars(select(AuditEntry).where(AuditEntry.action == "correct",
                                                              AuditEntry.message_id.in_(mids))):
                done.setdefault((a.group_id, a.message_id), a.category)
        return [{"r": r, "done": done.get((r.group_id, r.message_id), ""),
                 "show_text": ctx.account.sees_text or r.category != "tip"} for r in reviews]
    items = await ctx.db(load)
    items.sort(key=lambda i: bool(i["done"]))
    return ctx.render("review.html", items=items, group_name=ctx.group_name)


@page("leader", "officer", post=True)
async def review_action(ctx: Ctx) -> Response:
    review = await ctx.in_scope(Review, ctx.request.path_params["review_id"])
    if review.category == "tip" and not ctx.account.sees_text:
        raise HTTPException(403, "Chỉ cán bộ công an xem và phân loại được tin báo.")
    category = ctx.form.get("category", "")
    if category not in CATEGORY_VI:
        ctx.flash("Hãy chọn một loại.", "error")
    elif await ctx.act("correct", review.group_id, message_id=review.message_id, category=category):
        ctx.flash(f"Đã ghi nhận: {CATEGORY_VI[category]}.")
    return ctx.back("/review")


# --------------------------------------------------------------------------- charts, overview, audit, ops

def _group_stats(session: Session, group_ids: list[str], days: int = 14) -> dict[str, dict]:
    stats: dict[str, dict] = {g: {"per_day": defaultdict(Counter), "by_rule": Counter(), "esc_day": defaultdict(Counter),
                                  "ack": [], "open": 0, "overdue": 0, "messages": 0, "warnings": 0,
                                  "escalations": 0} for g in group_ids}
    if not group_ids:
        return stats
    for g, day, cat, n in session.execute(
            select(Decision.group_id, Decision.day, Decision.category, func.count())
            .where(Decision.group_id.in_(group_ids)).group_by(Decision.group_id, Decision.day, Decision.category)):
        stats[g]["per_day"][day][cat] += n
        stats[g]["messages"] += n
    for g, rule, n in session.execute(
            select(Warning.group_id, Warning.rule, func.count()).where(Warning.group_id.in_(group_ids),
                                                                       Warning.kind == "warning")
            .group_by(Warning.group_id, Warning.rule)):
        stats[g]["by_rule"][rule or "?"] += n
        stats[g]["warnings"] += n
    for esc, case in session.execute(select(Escalation, Case).outerjoin(Case, Case.case_id == Escalation.escalation_id)
                                     .where(Escalation.group_id.in_(group_ids))):
        s = stats[esc.group_id]
        s["escalations"] += 1
        day = (esc.sent_at_raw or "")[:10]
        s["esc_day"][day][esc.priority] += 1
        if case is None or case.status == "open":
            s["open"] += 1
        since = esc.published_at or esc.sent_at
        if case is not None and case.acknowledged_at is not None and since is not None:
            s["ack"].append((esc.sent_at or datetime.min, vntime(esc.sent_at)[:11],
                             max(0.0, (case.acknowledged_at - since).total_seconds() / 60)))
    for s in stats.values():
        s["ack"].sort()
        s["median_ack"] = statistics.median(v for _, _, v in s["ack"]) if s["ack"] else None
        s["days"] = sorted(s["per_day"])[-days:]
    return stats


def _short_day(day: str) -> str:
    return f"{day[8:10]}/{day[5:7]}" if len(day) >= 10 else day


@page("leader", "officer")
async def groups_page(ctx: Ctx) -> Response:
    ids = sorted(ctx.scope.group_ids)
    if len(ids) == 1:
        return RedirectResponse(f"/groups/{quote(ids[0], safe='')}", status_code=303)
    return ctx.render("groups.html", ids=ids, group_name=ctx.group_name)


@page("leader", "officer")
async def group_page(ctx: Ctx) -> Response:
    gid = ctx.request.path_params["group_id"]
    if not ctx.scope.allows_group(gid):
        raise Forbidden()
    s = (await ctx.db(_group_stats, [gid]))[gid]
    per_day = charts.stacked_columns([(_short_day(d), s["per_day"][d]) for d in s["days"]],
                                     list(CATEGORY_VI), CATEGORY_VI, title="Tin nhắn mỗi ngày theo loại")
    by_rule = charts.bars(sorted(s["by_rule"].items(), key=lambda kv: -kv[1]), title="Cảnh báo theo quy định",
                          labels=RULE_VI)
    esc_days = sorted(s["esc_day"])[-14:]
    esc_chart = charts.stacked_columns([(_short_day(d), s["esc_day"][d]) for d in esc_days], ["urgent", "normal"],
                                       {"urgent": "Khẩn cấp", "normal": "Thường"}, title="Tin báo mỗi ngày")
    ack_chart = charts.bars([(label, round(v, 1)) for _, label, v in s["ack"][-12:]],
                            title="Thời gian tiếp nhận (phút)", unit=" ph") if ctx.account.role == "officer" else None
    return ctx.render("group.html", gid=gid, name=ctx.group_name(gid), cfg=ctx.state.groups.groups.get(gid), s=s,
                      per_day=per_day, by_rule=by_rule, esc_chart=esc_chart, ack_chart=ack_chart)


@page("officer")
async def overview_page(ctx: Ctx) -> Response:
    # Every configured group of the provinces the officer works in (counts only, no text); the
    # officer's own groups link to their pages.
    provinces = {c.province for g, c in ctx.state.groups.groups.items() if g in ctx.scope.group_ids and c.province}
    ids = sorted(ctx.scope.group_ids | {g for g, c in ctx.state.groups.groups.items() if c.province in provinces})
    now = ctx.state.clock()

    def load(session: Session) -> tuple[dict, int]:
        stats = _group_stats(session, ids)
        overdue = 0
        for esc, case in session.execute(select(Escalation, Case).outerjoin(Case, Case.case_id == Escalation.escalation_id)
                                         .where(Escalation.group_id.in_(ids), Escalation.priority == "urgent")):
            if _overdue(esc, case, now, ctx.state.ack_minutes):
                overdue += 1
                if esc.group_id in stats:
                    stats[esc.group_id]["overdue"] += 1
        return stats, overdue
    stats, overdue = await ctx.db(load)
    by_province: dict[str, list[str]] = defaultdict(list)
    for gid in ids:
        cfg = ctx.state.groups.groups.get(gid)
        by_province[cfg.province if cfg and cfg.province else "Khác"].append(gid)
    msgs = charts.bars([(ctx.group_name(g), stats[g]["messages"]) for g in ids], title="Tin nhắn theo nhóm")
    return ctx.render("overview.html", stats=stats, by_province=dict(sorted(by_province.items())), overdue=overdue,
                      mine=ctx.scope.group_ids,
                      group_name=ctx.group_name, msgs=msgs, cfgs=ctx.state.groups.groups)


@page("officer")
async def audit_page(ctx: Ctx) -> Response:
    def load(session: Session) -> list[AuditEntry]:
        return list(session.scalars(select(AuditEntry).where(ctx.scope.group_filter(AuditEntry.group_id))
                                    .order_by(AuditEntry.requested_at.desc(), AuditEntry.action_id).limit(500)))
    return ctx.render("audit.html", entries=await ctx.db(load), group_name=ctx.group_name,
                      accounts=ctx.state.accounts)


@page("operator", "officer")
async def ops_page(ctx: Ctx) -> Response:
    now = ctx.state.clock()

    def load(session: Session) -> dict:
        by_status = session.execute(select(Delivery.channel, Delivery.status, func.count())
                                    .group_by(Delivery.channel, Delivery.status)).all()
        parked = list(session.scalars(select(Delivery).where(Delivery.status == "parked")
                                      .order_by(Delivery.at.desc()).limit(50)))
        counts = {m.__tablename__: session.scalar(select(func.count()).select_from(m))
                  for m in (Escalation, Warning, LostFound, Decision, Review, Feedback, Delivery, AuditEntry)}
        overdue = sum(1 for e, c in session.execute(
            select(Escalation, Case).outerjoin(Case, Case.case_id == Escalation.escalation_id)
            .where(Escalation.priority == "urgent")) if _overdue(e, c, now, ctx.state.ack_minutes))
        return {"by_status": by_status, "parked": parked, "counts": counts, "overdue": overdue}
    data = await ctx.db(load)
    channels: dict[str, Counter] = defaultdict(Counter)
    for channel, status, n in data["by_status"]:  # by kind of channel (zalo:cs:<user> -> zalo:cs)
        channels[":".join(channel.split(":")[:2])][status] += n
    return ctx.render("ops.html", channels=dict(sorted(channels.items())), **data)


async def metrics_endpoint(request: Request) -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)


async def healthz(request: Request) -> Response:
    return PlainTextResponse("ok")


def count_overdue(maker: sessionmaker[Session], ack_minutes: float, now: datetime | None = None) -> int:
    now = now or datetime.now(timezone.utc).replace(tzinfo=None)
    with maker() as session:
        return sum(1 for e, c in session.execute(
            select(Escalation, Case).outerjoin(Case, Case.case_id == Escalation.escalation_id)
            .where(Escalation.priority == "urgent")) if _overdue(e, c, now, ack_minutes))


# --------------------------------------------------------------------------- the app

class SecurityHeaders:
    """No framing, no sniffing, scripts and styles from this site only, pages never cached (shared phones)."""

    HEADERS = [(b"x-frame-options", b"DENY"), (b"x-content-type-options", b"nosniff"),
               (b"referrer-policy", b"same-origin"),
               (b"content-security-policy", b"default-src 'self'; script-src 'self'; style-src 'self'; "
                                            b"img-src 'self' data:; frame-ancestors 'none'; form-action 'self'")]

    def __init__(self, app) -> None:  # noqa: ANN001
        self.app = app

    async def __call__(self, scope, receive, send) -> None:  # noqa: ANN001
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        static = scope.get("path", "").startswith("/static/")

        async def send_with_headers(message) -> None:  # noqa: ANN001
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", [])) + self.HEADERS
                if not static:
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)
        await self.app(scope, receive, send_with_headers)


def build_app(state: InboxState, *, secret_key: str = "", https_only: bool = False,
              lifespan: Callable | None = None) -> Starlette:
    routes = [
        Route("/", home),
        Route("/login", login_page, methods=["GET", "POST"]),
        Route("/logout", logout, methods=["POST"]),
        Route("/escalations", escalations),
        Route("/escalations/{case_id}/do/{what}", escalation_action, methods=["POST"]),
        Route("/escalations/{case_id}", escalation_detail),
        Route("/warnings", warnings_page),
        Route("/warnings/do/{what}", warning_action, methods=["POST"]),
        Route("/groups", groups_page),
        Route("/groups/{group_id}/members/{member_id}", member_page),
        Route("/groups/{group_id}", group_page),
        Route("/lost-found", lost_found_page),
        Route("/lost-found/{case_id}/returned", lost_found_returned, methods=["POST"]),
        Route("/review", review_page),
        Route("/review/{review_id}/category", review_action, methods=["POST"]),
        Route("/overview", overview_page),
        Route("/audit", audit_page),
        Route("/ops", ops_page),
        Route("/metrics", metrics_endpoint),
        Route("/healthz", healthz),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    middleware = [Middleware(SecurityHeaders), Middleware(SessionMiddleware, secret_key=secret_key or secrets.token_urlsafe(32),
                             session_cookie="binhyen_inbox", max_age=12 * 3600, same_site="lax",
                             https_only=https_only)]
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.inbox = state
    return app
