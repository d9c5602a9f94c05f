<#-- A WeChat notice to a division's contact about an opinion task (交办 / 提醒 / 逾期); see disclosure.ftl. -->
first: 舆情回应任务${notice.what}
keyword1: ${item.title?replace("\\s+", " ", "r")}
keyword2: ${notice.deadline}
remark: 任务码${notice.code}，办结后回复“${notice.code} 已阅”确认。
url: ${item.url!""}
