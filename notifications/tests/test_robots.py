"""Group robots against a real HTTP server: the exact payloads, 钉钉's signature, failures recorded."""

import base64
import hashlib
import hmac
import time

import pytest
from django.core.exceptions import ValidationError

from notifications import robots
from notifications.models import GroupRobot, Kind, RobotDelivery
from notifications.tests.conftest import make_robot
from notifications.tests.robot_server import refused_url

Platform, Format = GroupRobot.Platform, GroupRobot.Format
LINES = ["《2026年鼓楼区闽宁协作任务分工方案》2026年11月（截止11月25日）尚有2个单位未报送完毕：",
         "- 鼓东街道：1项未报送", "- 鼓西街道：2项未报送（其中退回待修改1项）"]
BODY = "\n".join(LINES)


def test_wecom_markdown_payload(server, office):
    robot = make_robot(office, server.webhook(), platform=Platform.WECOM)

    delivery = robots.post(robot, Kind.REMINDER, "填报提醒（11月22日）", LINES)

    [got] = server.received
    assert got.path == "/cgi-bin/webhook/send" and got.query == {"key": ["test-key"]}
    assert got.headers["content-type"] == "application/json; charset=utf-8"
    assert got.body == {"msgtype": "markdown", "markdown": {"content": f"### 填报提醒（11月22日）\n{BODY}"}}
    assert (delivery.ok, delivery.status_code, delivery.error) == (True, 200, "")
    assert RobotDelivery.objects.get().payload == got.body


def test_wecom_text_mentions_mobiles(server, office):
    robot = make_robot(office, server.webhook(), platform=Platform.WECOM, message_format=Format.TEXT,
                       at_mobiles="13800001111，13900002222")

    robots.post(robot, Kind.REMINDER, "填报提醒", LINES)

    assert server.received[0].body == {"msgtype": "text", "text": {
        "content": f"【填报提醒】\n{BODY}", "mentioned_mobile_list": ["13800001111", "13900002222"]}}


def test_dingtalk_markdown_is_signed_and_mentions(server, office):
    secret = "SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd"
    robot = make_robot(office, server.webhook("/robot/send?access_token=abc"), platform=Platform.DINGTALK,
                       secret=secret, at_mobiles="13800001111")
    before = int(time.time() * 1000)

    delivery = robots.post(robot, Kind.WARNING, "进度预警（11月26日）", LINES)

    [got] = server.received
    timestamp = got.query["timestamp"][0]
    assert before <= int(timestamp) <= int(time.time() * 1000)
    # Recomputed here as 钉钉 documents it, independently of robots.dingtalk_sign.
    expected = base64.b64encode(hmac.new(secret.encode(), f"{timestamp}\n{secret}".encode(), hashlib.sha256).digest())
    assert got.query["sign"] == [expected.decode()] and got.query["access_token"] == ["abc"]
    assert "+" not in got.raw_query.split("sign=")[1] and "/" not in got.raw_query.split("sign=")[1]  # url-encoded
    assert got.body == {
        "msgtype": "markdown",
        "markdown": {"title": "进度预警（11月26日）", "text": f"### 进度预警（11月26日）\n{BODY}\n\n@13800001111"},
        "at": {"atMobiles": ["13800001111"], "isAtAll": False},
    }
    assert delivery.ok


def test_dingtalk_text_without_secret_is_not_signed(server, office):
    robot = make_robot(office, server.webhook("/robot/send?access_token=abc"), platform=Platform.DINGTALK,
                       message_format=Format.TEXT)

    robots.post(robot, Kind.WARNING, "进度预警", ["- 鼓东街道：落后时序进度1项"])

    [got] = server.received
    assert got.query == {"access_token": ["abc"]}
    assert got.body == {"msgtype": "text", "text": {"content": "【进度预警】\n- 鼓东街道：落后时序进度1项"},
                        "at": {"atMobiles": [], "isAtAll": False}}


def test_the_signature_matches_dingtalks_published_example():
    # Python example in 钉钉's documentation: quote_plus(base64(hmac_sha256)).
    sign = robots.dingtalk_sign("this is secret", 1577262236757)
    raw = hmac.new(b"this is secret", b"1577262236757\nthis is secret", hashlib.sha256).digest()
    assert sign == base64.b64encode(raw).decode().replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")


def test_errcode_not_zero_is_recorded_as_a_failure(server, office):
    server.answer = {"errcode": 310000, "errmsg": "sign not match"}
    robot = make_robot(office, server.webhook("/robot/send?access_token=abc"), platform=Platform.DINGTALK,
                       secret="SECwrong")

    delivery = robots.post(robot, Kind.REMINDER, "填报提醒", LINES)

    assert len(server.received) == 1
    assert not delivery.ok and delivery.status_code == 200
    assert delivery.error == "平台返回错误码 310000：sign not match"
    assert "sign not match" in RobotDelivery.objects.get().response


def test_http_error_is_recorded_as_a_failure(server, office):
    server.status, server.answer = 500, {"error": "busy"}
    robot = make_robot(office, server.webhook(), platform=Platform.WECOM)

    delivery = robots.post(robot, Kind.REMINDER, "填报提醒", LINES)

    assert (delivery.ok, delivery.status_code, delivery.error) == (False, 500, "HTTP 500")


def test_a_server_that_is_down_is_recorded_not_raised(office):
    robot = make_robot(office, refused_url(), platform=Platform.WECOM)

    delivery = robots.post(robot, Kind.REMINDER, "填报提醒", LINES)

    assert not delivery.ok and delivery.status_code is None and "refused" in delivery.error.lower()
    assert RobotDelivery.objects.filter(ok=False).count() == 1


def test_a_long_digest_is_cut_to_the_platform_limit_and_says_how_many_were_left_out(server, office):
    robot = make_robot(office, server.webhook(), platform=Platform.WECOM, message_format=Format.TEXT)
    lines = [f"- 第{i}个单位：{i}项未报送，请尽快组织填报" for i in range(200)]

    robots.post(robot, Kind.REMINDER, "填报提醒", lines)

    content = server.received[0].body["text"]["content"]
    assert len(content.encode()) <= 2048
    kept = content.count("\n- ")
    assert 0 < kept < 200 and content.endswith(f"……（另有{200 - kept}条，详见系统）")
    assert content.splitlines()[1:kept + 1] == lines[:kept]


@pytest.mark.parametrize("url", ["ftp://example.cn/hook", "javascript:alert(1)", "qyapi.weixin.qq.com/send", "https://"])
def test_only_http_and_https_webhooks_are_accepted(office, url):
    robot = GroupRobot(office=office, name="群", platform=Platform.WECOM, webhook_url=url)
    with pytest.raises(ValidationError) as error:
        robot.full_clean()
    assert "Webhook 地址须以 http:// 或 https:// 开头" in error.value.message_dict["webhook_url"][0]


def test_other_fields_are_checked_in_chinese(office):
    robot = GroupRobot(office=office, name="群", platform=Platform.WECOM, webhook_url="https://qyapi.weixin.qq.com/x",
                       secret="SECabc", at_mobiles="13800001111, 12345", kinds=["reminder", "spam"])
    with pytest.raises(ValidationError) as error:
        robot.full_clean()
    messages = error.value.message_dict
    assert messages["at_mobiles"] == ["手机号须为11位数字，以下不符合：12345。"]
    assert messages["kinds"] == ["不认识的消息类别：spam。"]
    assert messages["secret"] == ["企业微信群机器人没有加签密钥，请留空。"]
