<#-- Parameters of the Aliyun template telling a citizen their reply was not taken (sandbox text: ${reason}). -->
{"reason":"${notice.reason?json_string}"}
