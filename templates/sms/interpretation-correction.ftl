<#-- Parameters of the Aliyun template for the correction (更正) of a recalled item (sandbox text:
     更正：此前发送的《${title}》已撤回。${correction}${hint}). One file per item kind, as a push renders
     <kind>-correction; all share correction-fields.ftl. -->
<#include "correction-fields.ftl">
