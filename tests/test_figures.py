"""Figures of each kind, in Chinese and English, and what does not count as one."""

import pytest

from clausekit.figures import find_figures
from clausekit.normalize import fold_text


def figures(kind, text):
    return [f.text for f in find_figures(fold_text(text), kind)]


@pytest.mark.parametrize("kind,text,want", [
    ("percent", "接通率不低于95%", "95%"),
    ("percent", "不低于百分之九十五", "百分之九十五"),
    ("percent", "at least 95 percent", "95 percent"),
    ("percent", "不低于９５％", "95%"),
    ("seconds", "20秒内接听", "20秒"),
    ("seconds", "不超过三分钟", "三分钟"),
    ("seconds", "within thirty (30) seconds", "thirty (30) seconds"),
    ("seconds", "ASA of 20s", "20s"),
    ("seconds", "AHT shall not exceed 00:05:30", "00:05:30"),
    ("seconds", "| Average Handle Time | 6:30 minutes |", "6:30"),
    ("percent", "质检平均得分不低于90分", "90分"),
    ("percent", "Service Level: 80/20, measured daily", "service level: 80/20"),
    ("percent", "服务水平达到80/20", "服务水平达到80/20"),
    ("percent", "有效投诉率不超过万分之三", "万分之三"),
    ("percent", "八成来电应在二十秒内接通", "八成"),
    ("percent", "不低于九成五", "九成五"),
    ("percent", "| 有效投诉 | ≤ 2 件／万通 |", "2件/万通"),
    ("percent", "no more than 3 complaints per 1,000 calls", "3 complaints per 1,000"),
    ("days", "投诉件应在当日处理完毕", "当日"),
    ("days", "resolved by the next business day", "next business day"),
    ("days", "甲方应于每月10日前支付上月服务费", "10日"),
    ("count", "本项目投入坐席不少于30个。", "30个"),
    ("days", "terminate on 90-day written notice", "90-day"),
    ("days", "a sixty-day notice period", "sixty-day"),
    ("days", "thirty (30)-day notice", "thirty (30)-day"),
    ("days", "甲方应于次月15日前支付", "15日"),
    ("days", "甲方应于每月10号前支付", "10号"),
    ("days", "每季度首月20日前支付上季度服务费", "20日"),
    ("days", "by the 15th day of the following month", "15th day"),
    ("days", "due no later than the 15th of the following month", "15th of the following month"),
    ("money", "The agent hourly rate is PHP 450.", "php 450"),
    ("money", "The monthly fee per FTE is TWD 60,000.", "twd 60,000"),
    ("money", "NT$ 1,200 per hour", "nt$ 1,200"),
    ("money", "₱450 per hour", "₱450"),
    ("count", "The Provider shall staff 20 dedicated agents.", "20 dedicated agents"),
    ("count", "The number of agents shall be 35.", "number of agents shall be 35"),
    ("count", "Headcount: 40", "headcount: 40"),
    ("count", "开通坐席50席", "50席"),
    ("count", "furnish six (6) full-time bilingual call takers", "six (6) full-time bilingual call takers"),
    ("count", "乙方派驻工程师不少于十四(14)名", "十四(14)名"),
    ("count", "staff the desk with not fewer than fourteen (14) analysts", "fourteen (14) analysts"),
    ("count", "| 案场客服 | 人 | 3 | 7000.00 |", " 3 "),
    ("days", "收到发票后三十日内", "三十日"),
    ("days", "十五个工作日内", "十五个工作日"),
    ("days", "合同终止后两年内", "两年"),
    ("days", "24小时内处理完毕", "24小时"),
    ("days", "within thirty (30) days", "thirty (30) days"),
    ("days", "payment terms are net 45", "net 45"),
    ("days", "for a period of three years", "three years"),
    ("count", "配备坐席人员20名", "20名"),
    ("count", "不少于五十个坐席", "五十个坐席"),
    ("count", "a minimum of 25 agents", "25 agents"),
    ("count", "12 FTEs", "12 ftes"),
    ("money", "每席每月人民币8,500元", "人民币8,500元"),
    ("money", "RMB 12,000", "rmb 12,000"),
    ("money", "USD 28.50 per hour", "usd 28.50"),
    ("money", "$25 per call", "$25"),
    ("money", "合同总价壹万贰仟元整", "壹万贰仟元"),
    ("money", "总价3.5万元", "3.5万元"),
])
def test_figures_are_found(kind, text, want):
    assert want in figures(kind, text)


@pytest.mark.parametrize("kind,text", [
    ("percent", "接通率不低于【 】%"),
    ("percent", "answer rate of ***%"),
    ("money", "合同金额：#元"),
    ("money", "按照元/小时收取服务费"),
    ("days", "本合同自2024年1月1日起生效"),
    ("days", "签订于二〇二四年"),
    ("count", "个人信息保护"),
    ("count", "人民币"),
    ("seconds", "质检得分95分"),
    ("percent", "扣减3分钟"),
    ("percent", "本合同一式两份，3/4"),
    ("count", "3个月"),
    ("percent", "一成本价"),
    ("percent", "已完成"),
    ("days", "地址：示例路10号楼"),
    ("money", "php scripts"),
    ("count", "within 30 days agents shall"),
    ("count", "the number of calls"),
    ("count", "escalate to Tier 2 specialists"),
])
def test_blanks_masks_and_dates_are_not_figures(kind, text):
    assert figures(kind, text) == []
