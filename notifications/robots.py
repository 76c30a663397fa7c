"""Group-chat robots: the payloads 企业微信 and 钉钉 document, 钉钉's signature, and one post.

A post never raises: whatever happens (refused, timed out, errcode ≠ 0) is
recorded as a RobotDelivery and logged, so a reminder run or a reviewer's
action never fails because a chat server did.
"""

import base64
import http.client
import hashlib
import hmac
import json
import logging
import time
import urllib.error
import urllib.request
from urllib.parse import quote_plus

from django.conf import settings

from notifications.models import GroupRobot, RobotDelivery

logger = logging.getLogger(__name__)

Platform, Format = GroupRobot.Platform, GroupRobot.Format

# Content limits in UTF-8 bytes: 企业微信 documents 4096 for markdown and 2048 for text;
# 钉钉 allows more, the same 4096 keeps one digest readable on a phone.
LIMITS = {(Platform.WECOM, Format.MARKDOWN): 4096, (Platform.WECOM, Format.TEXT): 2048,
          (Platform.DINGTALK, Format.MARKDOWN): 4096, (Platform.DINGTALK, Format.TEXT): 4096}
MORE = "……（另有{n}条，详见系统）"


def dingtalk_sign(secret: str, timestamp_ms: int) -> str:
    """钉钉 加签: urlencode(base64(HMAC-SHA256(key=secret, f"{timestamp}\\n{secret}")))."""
    digest = hmac.new(secret.encode(), f"{timestamp_ms}\n{secret}".encode(), hashlib.sha256).digest()
    return quote_plus(base64.b64encode(digest))


def signed_url(robot: GroupRobot, timestamp_ms: int) -> str:
    if robot.platform != Platform.DINGTALK or not robot.secret:
        return robot.webhook_url
    joiner = "&" if "?" in robot.webhook_url else "?"
    return f"{robot.webhook_url}{joiner}timestamp={timestamp_ms}&sign={dingtalk_sign(robot.secret, timestamp_ms)}"


def fit(lines: list[str], limit: int, head: str = "") -> str:
    """Head and as many whole lines as fit in `limit` bytes, then how many were left out."""
    out, used = [head] if head else [], len(head.encode())
    for i, line in enumerate(lines):
        rest = len(lines) - i - 1
        tail = len(("\n" + MORE.format(n=rest)).encode()) if rest else 0
        size = len(("\n" if out else "").encode()) + len(line.encode())
        if used + size + tail > limit:
            out.append(MORE.format(n=len(lines) - i))
            break
        out.append(line)
        used += size
    return "\n".join(out)


def payload(robot: GroupRobot, title: str, lines: list[str]) -> dict:
    """The JSON body for this robot: a titled markdown post or plain text, with its @mobiles."""
    mobiles = robot.mobiles
    ats = " ".join(f"@{m}" for m in mobiles) if robot.platform == Platform.DINGTALK else ""
    limit = LIMITS[(robot.platform, robot.message_format)] - len(ats.encode()) - 2
    if robot.message_format == Format.MARKDOWN:
        content = fit(lines, limit, head=f"### {title}")
    else:
        content = fit(lines, limit, head=f"【{title}】")
    if robot.platform == Platform.WECOM:
        if robot.message_format == Format.MARKDOWN:  # 企业微信 markdown cannot @ by mobile
            return {"msgtype": "markdown", "markdown": {"content": content}}
        text = {"content": content}
        if mobiles:
            text["mentioned_mobile_list"] = mobiles
        return {"msgtype": "text", "text": text}
    # 钉钉 highlights an @ only when the mobile also appears in the content.
    if ats:
        content = f"{content}\n\n{ats}"
    at = {"atMobiles": mobiles, "isAtAll": False}
    if robot.message_format == Format.MARKDOWN:
        return {"msgtype": "markdown", "markdown": {"title": title, "text": content}, "at": at}
    return {"msgtype": "text", "text": {"content": content}, "at": at}


def post(robot: GroupRobot, kind: str, title: str, lines: list[str]) -> RobotDelivery | None:
    """Post once, record how it went; never raises."""
    body = payload(robot, title, lines)
    delivery = RobotDelivery(robot=robot, kind=kind, payload=body)
    try:
        request = urllib.request.Request(
            signed_url(robot, int(time.time() * 1000)), data=json.dumps(body, ensure_ascii=False).encode(),
            headers={"Content-Type": "application/json; charset=utf-8"}, method="POST")
        with urllib.request.urlopen(request, timeout=settings.ROBOT_TIMEOUT_SECONDS) as response:
            delivery.status_code = response.status
            delivery.response = response.read(4000).decode("utf-8", "replace")
        answer = json.loads(delivery.response)
        errcode = answer.get("errcode") if isinstance(answer, dict) else None
        delivery.ok = errcode == 0
        if not delivery.ok:
            delivery.error = f"平台返回错误码 {errcode}：{answer.get('errmsg', '') if isinstance(answer, dict) else ''}"
    except urllib.error.HTTPError as error:
        delivery.status_code = error.code
        delivery.response = error.read(4000).decode("utf-8", "replace")
        delivery.error = f"HTTP {error.code}"
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as error:  # refused, timed out, not JSON
        delivery.error = str(getattr(error, "reason", None) or error) or error.__class__.__name__
    except Exception as error:  # best effort: whatever else went wrong is recorded, not raised
        logger.exception("group robot %s post raised", robot.pk)
        delivery.error = f"{error.__class__.__name__}: {error}"
    if not delivery.ok:
        logger.warning("group robot %s (%s) post failed: %s", robot.pk, robot.name, delivery.error)
    try:
        delivery.save()
    except Exception:  # recording must not break the caller either
        logger.exception("could not record the post to group robot %s", robot.pk)
        return None
    return delivery
