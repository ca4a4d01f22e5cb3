<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Controller</name>
    <message>
        <location filename="../../villagebook/app.py" line="86"/>
        <location filename="../../villagebook/app.py" line="108"/>
        <location filename="../../villagebook/app.py" line="391"/>
        <source>Save the new book as</source>
        <translation>新账本保存为</translation>
    </message>
    <message>
        <location filename="../../villagebook/app.py" line="88"/>
        <location filename="../../villagebook/app.py" line="110"/>
        <location filename="../../villagebook/app.py" line="393"/>
        <source>Books (*.db)</source>
        <translation>村账本 (*.db)</translation>
    </message>
    <message>
        <location filename="../../villagebook/app.py" line="100"/>
        <location filename="../../villagebook/app.py" line="115"/>
        <location filename="../../villagebook/app.py" line="132"/>
        <location filename="../../villagebook/app.py" line="136"/>
        <source>Not created</source>
        <translation>未能创建</translation>
    </message>
    <message>
        <location filename="../../villagebook/app.py" line="116"/>
        <source>There is already a file there; choose another name.</source>
        <translation>该位置已有文件，请换一个名字。</translation>
    </message>
    <message>
        <location filename="../../villagebook/app.py" line="151"/>
        <source>Demo village</source>
        <translation>演示村</translation>
    </message>
    <message>
        <location filename="../../villagebook/app.py" line="168"/>
        <source>Opened for reading only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <location filename="../../villagebook/app.py" line="169"/>
        <source>This book cannot be written (it may be on a CD or a protected USB stick), so it is open for reading, printing and exporting only. To make changes, copy it to the computer and open the copy.</source>
        <translation>此账本不能写入（可能在光盘或写保护的U盘上），现以只读方式打开，只能查看、打印和导出。要修改，请把它复制到电脑上再打开副本。</translation>
    </message>
    <message>
        <location filename="../../villagebook/app.py" line="173"/>
        <source>Cannot open the book</source>
        <translation>无法打开账本</translation>
    </message>
    <message>
        <location filename="../../villagebook/app.py" line="244"/>
        <source>The password was not changed</source>
        <translation>密码没有改</translation>
    </message>
    <message>
        <location filename="../../villagebook/app.py" line="180"/>
        <location filename="../../villagebook/app.py" line="247"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../villagebook/app.py" line="248"/>
        <source>The book and its backups are locked with the new password.</source>
        <translation>账本和备份已用新密码加密。</translation>
    </message>
    <message>
        <location filename="../../villagebook/app.py" line="250"/>
        <source>The password is taken off: the book and its backups open without it.</source>
        <translation>密码已取消：账本和备份不用密码就能打开。</translation>
    </message>
    <message>
        <location filename="../../villagebook/app.py" line="268"/>
        <source>Who is working?</source>
        <translation>谁在使用？</translation>
    </message>
    <message>
        <location filename="../../villagebook/app.py" line="309"/>
        <source>This book file is damaged: changes are not accepted, so that nothing more is lost.</source>
        <translation>账本文件已损坏：为避免损失更多数据，暂不接受修改。</translation>
    </message>
    <message>
        <location filename="../../villagebook/app.py" line="312"/>
        <location filename="../../villagebook/app.py" line="317"/>
        <source>The book is damaged</source>
        <translation>账本已损坏</translation>
    </message>
    <message>
        <location filename="../../villagebook/app.py" line="313"/>
        <source>There is no backup beside it; ask for help and do not delete the file.</source>
        <translation>账本旁没有备份；请寻求技术帮助，不要删除这个文件。</translation>
    </message>
    <message>
        <location filename="../../villagebook/app.py" line="318"/>
        <source>The newest sound backup is of {made} ({households} households). Restore it now? The damaged book is kept aside.</source>
        <translation>最新的完好备份是 {made} 的（{households} 户）。现在恢复吗？损坏的账本会另存一份。</translation>
    </message>
    <message>
        <location filename="../../villagebook/app.py" line="349"/>
        <source>Not restored</source>
        <translation>未恢复</translation>
    </message>
    <message>
        <location filename="../../villagebook/app.py" line="355"/>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <location filename="../../villagebook/app.py" line="356"/>
        <source>The backup is in place. The book as it was before is kept as {aside}.</source>
        <translation>已恢复备份。恢复前的账本保存为 {aside}。</translation>
    </message>
    <message>
        <location filename="../../villagebook/app.py" line="396"/>
        <source>Open a book</source>
        <translation>打开账本</translation>
    </message>
    <message>
        <location filename="../../villagebook/app.py" line="397"/>
        <source>Books (*.db);;All files (*)</source>
        <translation>村账本 (*.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../villagebook/ui/dashboard_page.py" line="48"/>
        <source>A4 landscape</source>
        <translation>A4 横向</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/dashboard_page.py" line="49"/>
        <source>A3 landscape</source>
        <translation>A3 横向</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/dashboard_page.py" line="50"/>
        <source>Paper the charts are printed on</source>
        <translation>统计图打印所用的纸张</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/dashboard_page.py" line="52"/>
        <source>Print the charts…</source>
        <translation>打印挂图…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/dashboard_page.py" line="72"/>
        <location filename="../../villagebook/ui/dashboard_page.py" line="112"/>
        <location filename="../../villagebook/ui/dashboard_page.py" line="115"/>
        <source>Drawing the charts…</source>
        <translation>正在绘制统计图…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/dashboard_page.py" line="97"/>
        <source>Figures of {day}</source>
        <translation>{day} 的数据</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../villagebook/ui/date_edit.py" line="40"/>
        <source>e.g. 2026-03-05</source>
        <translation>例：2026-03-05</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/date_edit.py" line="47"/>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../../villagebook/ui/event_dialogs.py" line="38"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/event_dialogs.py" line="41"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/event_dialogs.py" line="43"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/event_dialogs.py" line="49"/>
        <source>New head of household</source>
        <translation>新户主</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <location filename="../../villagebook/ui/exports.py" line="34"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/exports.py" line="54"/>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/exports.py" line="93"/>
        <source>Saved to:
{path}

{summary}</source>
        <translation>已保存到：
{path}

{summary}</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/exports.py" line="96"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/exports.py" line="97"/>
        <source>Open it</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/exports.py" line="99"/>
        <source>Open its folder</source>
        <translation>打开所在文件夹</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../villagebook/ui/findings_page.py" line="66"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/findings_page.py" line="66"/>
        <source>Finding</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/findings_page.py" line="66"/>
        <source>Household number</source>
        <translation>户编号</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/findings_page.py" line="67"/>
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/findings_page.py" line="67"/>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/findings_page.py" line="67"/>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/findings_page.py" line="69"/>
        <source>Village</source>
        <translation>村</translation>
    </message>
</context>
<context>
    <name>FindingsPage</name>
    <message>
        <location filename="../../villagebook/ui/findings_page.py" line="129"/>
        <source>All findings</source>
        <translation>全部预警</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/findings_page.py" line="133"/>
        <source>All levels</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/findings_page.py" line="145"/>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/findings_page.py" line="161"/>
        <source>Open the household</source>
        <translation>打开农户</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/findings_page.py" line="163"/>
        <source>Right as it is: do not show again…</source>
        <translation>核实无误，不再提示…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/findings_page.py" line="165"/>
        <source>Print the list…</source>
        <translation>打印清单…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/findings_page.py" line="167"/>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/findings_page.py" line="177"/>
        <source>Checking the book… {done} of {total} rule groups</source>
        <translation>正在检查账本…已完成 {done}/{total} 组规则</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/findings_page.py" line="187"/>
        <source>Checking the book…</source>
        <translation>正在检查账本…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/findings_page.py" line="201"/>
        <source>All groups</source>
        <translation>全部组</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/findings_page.py" line="210"/>
        <source>All helpers</source>
        <translation>全部帮扶责任人</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/findings_page.py" line="243"/>
        <source>&lt;b&gt;{errors} errors, {warnings} warnings, {reminders} reminders&lt;/b&gt; (showing {shown})</source>
        <translation>&lt;b&gt;错误 {errors} 条，预警 {warnings} 条，提醒 {reminders} 条&lt;/b&gt;（列出 {shown} 条）</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/findings_page.py" line="278"/>
        <source>Right as it is</source>
        <translation>核实无误</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/findings_page.py" line="279"/>
        <source>{rule}: {about}
{details}

Why is this right as it is? (kept in the history)</source>
        <translation>{rule}：{about}
{details}

为什么这样是对的？（记入变更记录）</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/findings_page.py" line="294"/>
        <source>Save the list</source>
        <translation>保存清单</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/findings_page.py" line="314"/>
        <location filename="../../villagebook/ui/findings_page.py" line="317"/>
        <location filename="../../villagebook/ui/findings_page.py" line="328"/>
        <source>Writing the list…</source>
        <translation>正在生成清单…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/findings_page.py" line="323"/>
        <source>Workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>FingerprintDialog</name>
    <message>
        <location filename="../../villagebook/ui/pairing_dialog.py" line="22"/>
        <source>Compare the fingerprint by phone</source>
        <translation>电话核对指纹</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/pairing_dialog.py" line="26"/>
        <source>Pairing with {name} ({code}). Call them and ask them to read the fingerprint their computer shows on its sync page (12 digits). Type the digits you hear:</source>
        <translation>正在与{name}（{code}）配对。请打电话给对方，请对方念出其电脑“同步”页上显示的指纹（12 位数字），并在下面输入您听到的数字：</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/pairing_dialog.py" line="42"/>
        <source>Pair</source>
        <translation>配对</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/pairing_dialog.py" line="63"/>
        <source>The fingerprints match.</source>
        <translation>指纹一致。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/pairing_dialog.py" line="67"/>
        <source>These digits are not the ones of the file you chose. Do not pair: check that the file came from them, and ask them to read the digits again.</source>
        <translation>这些数字与所选配对文件的指纹不是同一组。请不要配对：先确认文件确实来自对方，再请对方重新念一遍数字。</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../villagebook/ui/history.py" line="24"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="24"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="25"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="25"/>
        <source>Record</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="26"/>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="26"/>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="27"/>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../villagebook/storage/kinds.py" line="43"/>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <location filename="../../villagebook/storage/kinds.py" line="45"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../villagebook/storage/kinds.py" line="48"/>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../villagebook/storage/kinds.py" line="56"/>
        <source>Income</source>
        <translation>收入</translation>
    </message>
    <message>
        <location filename="../../villagebook/storage/kinds.py" line="58"/>
        <source>Check</source>
        <translation>三保障核查</translation>
    </message>
    <message>
        <location filename="../../villagebook/storage/kinds.py" line="60"/>
        <source>Monitoring</source>
        <translation>防返贫监测</translation>
    </message>
    <message>
        <location filename="../../villagebook/storage/kinds.py" line="62"/>
        <source>Measure</source>
        <translation>帮扶措施</translation>
    </message>
    <message>
        <location filename="../../villagebook/storage/kinds.py" line="64"/>
        <location filename="../../villagebook/storage/kinds.py" line="74"/>
        <source>Helper</source>
        <translation>帮扶责任人</translation>
    </message>
    <message>
        <location filename="../../villagebook/storage/kinds.py" line="66"/>
        <source>Visit</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <location filename="../../villagebook/storage/kinds.py" line="70"/>
        <source>Accepted warning</source>
        <translation>已确认的提示</translation>
    </message>
    <message>
        <location filename="../../villagebook/storage/kinds.py" line="72"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../villagebook/storage/kinds.py" line="76"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../villagebook/storage/kinds.py" line="78"/>
        <source>Project income</source>
        <translation>项目收益</translation>
    </message>
    <message>
        <location filename="../../villagebook/storage/kinds.py" line="83"/>
        <source>Accepted finding</source>
        <translation>核实无误的预警</translation>
    </message>
    <message>
        <location filename="../../villagebook/storage/kinds.py" line="68"/>
        <source>Photo</source>
        <translation>走访照片</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="32"/>
        <source>New household</source>
        <translation>新增农户</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="33"/>
        <source>Edited</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="34"/>
        <source>Household closed</source>
        <translation>注销</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="35"/>
        <source>Household reopened</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="36"/>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="37"/>
        <source>Member left</source>
        <translation>成员减少</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="38"/>
        <source>Member restored</source>
        <translation>成员恢复</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="39"/>
        <source>Income added</source>
        <translation>新增收入</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="40"/>
        <source>Income changed</source>
        <translation>修改收入</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="41"/>
        <source>Income removed</source>
        <translation>删除收入</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="42"/>
        <source>Income restored</source>
        <translation>恢复收入</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="43"/>
        <source>Check recorded</source>
        <translation>新增核查</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="44"/>
        <source>Check corrected</source>
        <translation>修改核查</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="45"/>
        <source>Check removed</source>
        <translation>删除核查</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="46"/>
        <source>Check restored</source>
        <translation>恢复核查</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="47"/>
        <source>Monitoring event recorded</source>
        <translation>新增监测事件</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="48"/>
        <source>Monitoring event corrected</source>
        <translation>修改监测事件</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="49"/>
        <source>Monitoring event removed</source>
        <translation>删除监测事件</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="50"/>
        <source>Monitoring event restored</source>
        <translation>恢复监测事件</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="51"/>
        <source>Measure added</source>
        <translation>新增措施</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="52"/>
        <source>Measure changed</source>
        <translation>修改措施</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="53"/>
        <source>Measure removed</source>
        <translation>删除措施</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="54"/>
        <source>Measure restored</source>
        <translation>恢复措施</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="55"/>
        <source>Helper paired</source>
        <translation>结对帮扶</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="56"/>
        <source>Pairing changed</source>
        <translation>修改结对</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="57"/>
        <source>Pairing removed</source>
        <translation>删除结对</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="58"/>
        <source>Pairing restored</source>
        <translation>恢复结对</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="59"/>
        <source>Visit recorded</source>
        <translation>新增走访</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="60"/>
        <source>Visit corrected</source>
        <translation>修改走访</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="61"/>
        <source>Visit removed</source>
        <translation>删除走访</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="62"/>
        <source>Visit restored</source>
        <translation>恢复走访</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="63"/>
        <source>Photo added</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="64"/>
        <source>Photo removed</source>
        <translation>删除照片</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="65"/>
        <source>Problem recorded</source>
        <translation>新增问题</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="66"/>
        <source>Problem updated</source>
        <translation>更新问题</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="67"/>
        <source>Problem removed</source>
        <translation>删除问题</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="68"/>
        <source>Problem restored</source>
        <translation>恢复问题</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="69"/>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="82"/>
        <location filename="../../villagebook/ui/history.py" line="129"/>
        <source>(created)</source>
        <translation>（新建）</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/history.py" line="106"/>
        <source>Member added</source>
        <translation>新增成员</translation>
    </message>
    <message>
        <location filename="../../villagebook/storage/kinds.py" line="50"/>
        <source>Household</source>
        <translation>本户</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../villagebook/ui/home_page.py" line="67"/>
        <source>Checking the book…</source>
        <translation>正在检查账本…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/home_page.py" line="74"/>
        <source>&lt;b&gt;Households most in need of attention&lt;/b&gt;</source>
        <translation>&lt;b&gt;最需要关注的农户&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/home_page.py" line="75"/>
        <location filename="../../villagebook/ui/home_page.py" line="79"/>
        <location filename="../../villagebook/ui/home_page.py" line="83"/>
        <source>Household number</source>
        <translation>户编号</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/home_page.py" line="75"/>
        <location filename="../../villagebook/ui/home_page.py" line="83"/>
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/home_page.py" line="76"/>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/home_page.py" line="76"/>
        <source>Warnings</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/home_page.py" line="76"/>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/home_page.py" line="78"/>
        <source>&lt;b&gt;Due now or within seven days&lt;/b&gt;</source>
        <translation>&lt;b&gt;已到期和七天内到期&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/home_page.py" line="79"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/home_page.py" line="79"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/home_page.py" line="80"/>
        <location filename="../../villagebook/ui/home_page.py" line="84"/>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/home_page.py" line="82"/>
        <source>&lt;b&gt;Overdue loans and problems&lt;/b&gt;</source>
        <translation>&lt;b&gt;逾期贷款和超期问题&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/home_page.py" line="83"/>
        <source>Finding</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/home_page.py" line="96"/>
        <source>Checking the book… {done} of {total} rule groups</source>
        <translation>正在检查账本…已完成 {done}/{total} 组规则</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/home_page.py" line="104"/>
        <source>Today</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/home_page.py" line="142"/>
        <source>&lt;b&gt;{errors} errors, {warnings} warnings, {reminders} reminders&lt;/b&gt;</source>
        <translation>&lt;b&gt;错误 {errors} 条，预警 {warnings} 条，提醒 {reminders} 条&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>HouseholdForm</name>
    <message>
        <location filename="../../forms/household.ui" line="6"/>
        <location filename="../../forms/household.ui" line="27"/>
        <source>Household</source>
        <translation>本户</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="10"/>
        <source>New household</source>
        <translation>新增农户</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="23"/>
        <source>Basic information</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="31"/>
        <source>Household no.</source>
        <translation>户编号</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="39"/>
        <source>Group (hamlet)</source>
        <translation>组（自然村）</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="47"/>
        <source>Address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="55"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="63"/>
        <source>Category</source>
        <translation>户类别</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="71"/>
        <source>Identification standard</source>
        <translation>识别标准</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="79"/>
        <source>Poverty type</source>
        <translation>贫困户属性</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="87"/>
        <source>Year identified</source>
        <translation>识别年度</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="95"/>
        <source>Poverty status</source>
        <translation>脱贫状态</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="103"/>
        <source>Year out of poverty</source>
        <translation>脱贫年度</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="111"/>
        <source>Main cause</source>
        <translation>主要致贫原因</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="119"/>
        <source>Other causes</source>
        <translation>次要致贫原因</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="127"/>
        <source>No able worker in household</source>
        <translation>整户无劳动能力</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="138"/>
        <source>Housing and living conditions</source>
        <translation>住房与生产生活条件</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="142"/>
        <source>Housing safety grade</source>
        <translation>住房安全等级</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="150"/>
        <source>Renovation year</source>
        <translation>危房改造年度</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="158"/>
        <source>Renovation subsidy (yuan)</source>
        <translation>危房改造补助（元）</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="166"/>
        <source>Safe drinking water</source>
        <translation>饮水安全</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="174"/>
        <source>Household electricity</source>
        <translation>通生活用电</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="182"/>
        <source>Road to the door</source>
        <translation>通入户路</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="190"/>
        <source>Arable land (mu)</source>
        <translation>耕地面积（亩）</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="198"/>
        <source>Forest land (mu)</source>
        <translation>林地面积（亩）</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="206"/>
        <source>Relocated</source>
        <translation>易地扶贫搬迁</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="214"/>
        <source>Resettlement site</source>
        <translation>安置点</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="222"/>
        <source>Cooperative member</source>
        <translation>加入农民专业合作社</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="230"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="242"/>
        <source>Members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="252"/>
        <source>Add member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="253"/>
        <source>Member leaves…</source>
        <translation>成员减少…</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="254"/>
        <source>Restore member</source>
        <translation>恢复成员</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="255"/>
        <source>Show members who left</source>
        <translation>显示已减少的成员</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="262"/>
        <source>Change history</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="276"/>
        <source>Close household…</source>
        <translation>注销此户…</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="278"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../forms/household.ui" line="279"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>HouseholdListModel</name>
    <message>
        <location filename="../../villagebook/ui/household_list.py" line="142"/>
        <source>found</source>
        <translation>匹配</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_list.py" line="155"/>
        <source>Village</source>
        <translation>村</translation>
    </message>
</context>
<context>
    <name>HouseholdRecords</name>
    <message>
        <location filename="../../villagebook/ui/household_records.py" line="57"/>
        <source>Income of a year</source>
        <translation>年度收入</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_records.py" line="58"/>
        <source>Income of {year}</source>
        <translation>{year} 年收入</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_records.py" line="79"/>
        <source>Check of the two assurances and three guarantees</source>
        <translation>两不愁三保障核查</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_records.py" line="102"/>
        <source>Now: monitored since {since} as {category}; risks: {risks}</source>
        <translation>当前：自 {since} 起纳入监测，{category}；风险类型：{risks}</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_records.py" line="107"/>
        <source>Now: risk removed on {date} ({method})</source>
        <translation>当前：已于 {date} 风险消除（{method}）</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_records.py" line="110"/>
        <source>removed by assistance within two months of identification: please check</source>
        <translation>识别后两个月内即“帮扶消除”，请核实</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_records.py" line="113"/>
        <source>Now: not monitored</source>
        <translation>当前：未纳入监测</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_records.py" line="118"/>
        <source>Monitoring event</source>
        <translation>监测事件</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_records.py" line="137"/>
        <source>Assistance measure</source>
        <translation>帮扶措施</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_records.py" line="163"/>
        <source>Helper of this household</source>
        <translation>本户的帮扶责任人</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_records.py" line="182"/>
        <source>Visit</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_records.py" line="203"/>
        <source>Photos…</source>
        <translation>照片…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_records.py" line="210"/>
        <source>Helper</source>
        <translation>帮扶责任人</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_records.py" line="247"/>
        <source>Problem and rectification</source>
        <translation>问题排查整改</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_records.py" line="270"/>
        <source>Only overdue</source>
        <translation>只看逾期</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_records.py" line="281"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_records.py" line="305"/>
        <source>Income distributed by the asset</source>
        <translation>资产收益分配</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_records.py" line="317"/>
        <source>Select a project above to see the income its asset distributed each year.</source>
        <translation>在上方选择一个项目，即可查看其资产每年分配的收益。</translation>
    </message>
</context>
<context>
    <name>HouseholdWindow</name>
    <message>
        <location filename="../../villagebook/ui/household_records.py" line="327"/>
        <source>Income</source>
        <translation>收入</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_records.py" line="328"/>
        <source>Two assurances, three guarantees</source>
        <translation>两不愁三保障</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_records.py" line="330"/>
        <source>Monitoring</source>
        <translation>防返贫监测</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_records.py" line="331"/>
        <source>Assistance measures</source>
        <translation>帮扶措施</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_records.py" line="332"/>
        <source>Helpers</source>
        <translation>帮扶责任人</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_records.py" line="333"/>
        <source>Visits</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_window.py" line="122"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_window.py" line="178"/>
        <source>village code and 3 digits: {code}001</source>
        <translation>村代码加3位户序号：{code}001</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_window.py" line="209"/>
        <source>Household {number} {head}</source>
        <translation>农户 {number} {head}</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_window.py" line="211"/>
        <source>New household</source>
        <translation>新增农户</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_window.py" line="217"/>
        <source>[DEMO: not real data]</source>
        <translation>【演示数据，非真实信息】</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_window.py" line="223"/>
        <source>Closed on {date}: {reason}. {note}</source>
        <translation>已于 {date} 注销：{reason}。{note}</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_window.py" line="229"/>
        <source>Reopen household</source>
        <translation>恢复此户</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_window.py" line="229"/>
        <source>Close household…</source>
        <translation>注销此户…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_window.py" line="288"/>
        <location filename="../../villagebook/ui/household_window.py" line="294"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_window.py" line="289"/>
        <source>Not saved: {count} problem(s) must be corrected first. They are listed at the bottom of the window.</source>
        <translation>未保存：有 {count} 处错误需要先改正，已列在窗口下方。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_window.py" line="303"/>
        <source>Please check</source>
        <translation>请核对</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_window.py" line="304"/>
        <source>Please check these points:</source>
        <translation>请核对以下几点：</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_window.py" line="305"/>
        <source>Correct, save anyway</source>
        <translation>核对无误，仍然保存</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_window.py" line="306"/>
        <source>Go back and change</source>
        <translation>返回修改</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_window.py" line="344"/>
        <location filename="../../villagebook/ui/household_window.py" line="354"/>
        <source>Member leaves</source>
        <translation>成员减少</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_window.py" line="345"/>
        <source>Select the member in the table first.</source>
        <translation>请先在表格中选中这名成员。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_window.py" line="355"/>
        <source>{name} leaves the household. The record is kept and can be restored.</source>
        <translation>{name} 将从本户减少。记录会保留，可以恢复。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_window.py" line="370"/>
        <source>Restore member</source>
        <translation>恢复成员</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_window.py" line="371"/>
        <source>Tick “Show members who left” and select the member to restore.</source>
        <translation>请勾选“显示已减少的成员”，再选中要恢复的成员。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_window.py" line="398"/>
        <source>Close household</source>
        <translation>注销此户</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_window.py" line="399"/>
        <source>The household leaves the active list. Nothing is deleted; it can be reopened.</source>
        <translation>本户将移出在册名单。不会删除任何记录，可以恢复。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_window.py" line="408"/>
        <location filename="../../villagebook/ui/household_window.py" line="412"/>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_window.py" line="421"/>
        <source>Unsaved changes</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/household_window.py" line="422"/>
        <source>This household has unsaved changes. Save them?</source>
        <translation>本户有尚未保存的修改。要保存吗？</translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message>
        <location filename="../../villagebook/ui/households_page.py" line="81"/>
        <source>Search: name, pinyin initials (zs), ID number, household number</source>
        <translation>搜索：姓名、拼音首字母（如 zs）、证件号码、户编号</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/households_page.py" line="89"/>
        <source>All categories</source>
        <translation>全部户类别</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/households_page.py" line="90"/>
        <source>All statuses</source>
        <translation>全部脱贫状态</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/households_page.py" line="92"/>
        <source>All groups</source>
        <translation>全部组</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/households_page.py" line="96"/>
        <source>Include closed</source>
        <translation>含已注销</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/households_page.py" line="101"/>
        <location filename="../../villagebook/ui/households_page.py" line="163"/>
        <source>New household</source>
        <translation>新增农户</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/households_page.py" line="118"/>
        <source>Print household cards…</source>
        <translation>打印户卡…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/households_page.py" line="119"/>
        <source>Print wall sheets…</source>
        <translation>打印户内公示牌…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/households_page.py" line="165"/>
        <source>Import households from Excel…</source>
        <translation>从 Excel 导入农户…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/households_page.py" line="167"/>
        <source>Sync…</source>
        <translation>同步…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/households_page.py" line="264"/>
        <source>{count} households</source>
        <translation>共 {count} 户</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/households_page.py" line="274"/>
        <source>&lt;h3&gt;This county book has no households yet&lt;/h3&gt;&lt;p&gt;They come with the townships&apos; sync packages: pair with each township and import its package on the &lt;b&gt;Sync…&lt;/b&gt; page (the township exports it from its own book, with every village it holds).&lt;/p&gt;&lt;p&gt;The book is kept in this file; back it up with File → Back up to…:&lt;br&gt;{path}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;本县级账本还没有农户&lt;/h3&gt;&lt;p&gt;农户随各乡镇的同步包而来：在&lt;b&gt;同步…&lt;/b&gt;页与各乡镇配对并导入其同步包（乡镇从自己的账本导出，含其全部村）。&lt;/p&gt;&lt;p&gt;账本保存在此文件中，请用 文件 → 备份到… 备份：&lt;br&gt;{path}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/households_page.py" line="282"/>
        <source>&lt;h3&gt;This township book has no households yet&lt;/h3&gt;&lt;p&gt;They come with the villages&apos; sync packages: pair with each village and import its package on the &lt;b&gt;Sync…&lt;/b&gt; page (the village exports it from its own book).&lt;/p&gt;&lt;p&gt;The book is kept in this file; back it up with File → Back up to…:&lt;br&gt;{path}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;本乡镇账本还没有农户&lt;/h3&gt;&lt;p&gt;农户随各村的同步包而来：在&lt;b&gt;同步…&lt;/b&gt;页面与各村配对并导入各村的同步包（由村里从村账本导出）。&lt;/p&gt;&lt;p&gt;账本保存在此文件中，可用 文件 → 备份到… 备份：&lt;br&gt;{path}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/households_page.py" line="289"/>
        <source>&lt;h3&gt;This book has no households yet&lt;/h3&gt;&lt;p&gt;Start with &lt;b&gt;New household&lt;/b&gt; to enter a family, or &lt;b&gt;Import households from Excel…&lt;/b&gt; to bring in the list the village keeps (the national system&apos;s export or your own table; File → Save a blank entry template gives the columns).&lt;/p&gt;&lt;p&gt;The book is kept in this file; back it up with File → Back up to…:&lt;br&gt;{path}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;本账本还没有农户&lt;/h3&gt;&lt;p&gt;先点&lt;b&gt;新增农户&lt;/b&gt;逐户录入，或点&lt;b&gt;从 Excel 导入农户…&lt;/b&gt;导入村里已有的名单（全国系统导出的名单或自己的表格均可；“文件 → 保存空白录入模板”给出各列）。&lt;/p&gt;&lt;p&gt;账本保存在这个文件里，请用“文件 → 备份到…”备份：&lt;br&gt;{path}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="96"/>
        <source>Member</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="97"/>
        <source>Monitoring</source>
        <translation>防返贫监测</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="99"/>
        <source>Household</source>
        <translation>农户</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="106"/>
        <source> (numbers: this program&apos;s codes)</source>
        <translation>（数字为本程序代码）</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="131"/>
        <location filename="../../villagebook/ui/import_dialog.py" line="458"/>
        <source>Import households from a workbook</source>
        <translation>从表格导入农户</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="134"/>
        <location filename="../../villagebook/ui/import_dialog.py" line="323"/>
        <source>Checking {name}…</source>
        <translation>正在检查 {name}…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="139"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="146"/>
        <source>Columns of the file (matched automatically; change any that is wrong)</source>
        <translation>文件中的列（已自动对应，如有不对请修改）</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="151"/>
        <location filename="../../villagebook/ui/import_dialog.py" line="181"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="151"/>
        <source>Column in the file</source>
        <translation>文件中的列名</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="151"/>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="152"/>
        <location filename="../../villagebook/ui/import_dialog.py" line="165"/>
        <source>Read as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="156"/>
        <source>Back to the automatic matches</source>
        <translation>恢复自动对应</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="181"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="165"/>
        <location filename="../../villagebook/ui/import_dialog.py" line="182"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="160"/>
        <source>Questions about the list (answered once for the whole list, kept for the next one)</source>
        <translation>关于这份名单的问题（整份名单只需回答一次，下次同样的名单不再问）</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="165"/>
        <source>In the list</source>
        <translation>名单中写的</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="165"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="170"/>
        <source>Load answers…</source>
        <translation>读取答案…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="172"/>
        <source>Save answers…</source>
        <translation>保存答案…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="182"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="183"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="190"/>
        <source>Save the list of problems…</source>
        <translation>保存问题清单…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="192"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="194"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="245"/>
        <source>Choose under “Read as” which columns hold them.</source>
        <translation>请在“导入为”一栏中指出它们在哪些列。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="258"/>
        <source>{new} new households, {updated} updated, {members} member rows</source>
        <translation>新增 {new} 户，更新 {updated} 户，成员 {members} 行</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="262"/>
        <source>Imported: {counts}.</source>
        <translation>已导入：{counts}。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="269"/>
        <source>Nothing was imported: {count} problem(s) must be corrected in the file first. Without them the import would give {counts}.</source>
        <translation>没有导入任何数据：文件中有 {count} 处问题需要先改正。改正后导入将会：{counts}。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="273"/>
        <source>The file is in order: importing it gives {counts}. Press Import to write it into the book.</source>
        <translation>文件检查无误：导入将会{counts}。请按“导入”写入账本。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="286"/>
        <source>Stopped: nothing was imported.</source>
        <translation>已停止，未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="298"/>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="351"/>
        <source>(missing: one value for all)</source>
        <translation>（缺少：为所有行填同一个值）</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="355"/>
        <source>(keep in the remarks, field left empty)</source>
        <translation>（留空，原值记入备注）</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="356"/>
        <source>(not given)</source>
        <translation>（不填）</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="390"/>
        <location filename="../../villagebook/ui/import_dialog.py" line="397"/>
        <source>Load answers</source>
        <translation>读取答案</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="391"/>
        <source>Answers (*.json);;All files (*)</source>
        <translation>答案文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="406"/>
        <source>Save answers</source>
        <translation>保存答案</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="407"/>
        <source>Answers (*.json)</source>
        <translation>答案文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="421"/>
        <source>Another village&apos;s list?</source>
        <translation>其他村的名单？</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="422"/>
        <source>Import it into this book?</source>
        <translation>仍要导入本账本吗？</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="427"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="435"/>
        <source>Save the list of problems</source>
        <translation>保存问题清单</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="438"/>
        <source>Workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/import_dialog.py" line="459"/>
        <source>Spreadsheets (*.xlsx *.xls *.ods);;All files (*)</source>
        <translation>表格文件 (*.xlsx *.xls *.ods);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../villagebook/ui/idle_lock.py" line="39"/>
        <source>villagebook is locked</source>
        <translation>村账本已锁定</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/idle_lock.py" line="41"/>
        <source>The book was left idle and is locked. {name}, enter your PIN to go on.</source>
        <translation>离开时间较长，村账本已锁定。{name}，请输入你的 PIN 码继续。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/idle_lock.py" line="47"/>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/idle_lock.py" line="51"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/idle_lock.py" line="72"/>
        <source>That is not the PIN of {name}</source>
        <translation>这不是 {name} 的 PIN 码</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/idle_lock.py" line="75"/>
        <source> — try again in {seconds} seconds</source>
        <translation>——请 {seconds} 秒后再试</translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <location filename="../../villagebook/ui/main_menus.py" line="26"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_menus.py" line="27"/>
        <source>New village book…</source>
        <translation>新建村账本…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_menus.py" line="29"/>
        <source>Open book…</source>
        <translation>打开账本…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_menus.py" line="31"/>
        <source>Users…</source>
        <translation>用户管理…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_menus.py" line="35"/>
        <source>Export the county book (Excel)…</source>
        <translation>导出县级有档（Excel）…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_menus.py" line="36"/>
        <source>Export the township book (Excel)…</source>
        <translation>导出乡镇有簿（Excel）…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_menus.py" line="37"/>
        <source>Export the village register (Excel)…</source>
        <translation>导出村册（Excel）…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_menus.py" line="39"/>
        <source>Import households from Excel…</source>
        <translation>从 Excel 导入农户…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_menus.py" line="41"/>
        <source>Save a blank entry template (Excel)…</source>
        <translation>保存空白录入模板（Excel）…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_menus.py" line="43"/>
        <source>Sync…</source>
        <translation>同步…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_menus.py" line="45"/>
        <source>Monitoring line…</source>
        <translation>监测线设置…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_menus.py" line="47"/>
        <source>Back up to…</source>
        <translation>备份到…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_menus.py" line="49"/>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_menus.py" line="52"/>
        <source>Change the password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_menus.py" line="53"/>
        <source>Lock with a password…</source>
        <translation>给账本加密码…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_menus.py" line="55"/>
        <source>Take the password off…</source>
        <translation>取消密码…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_menus.py" line="58"/>
        <source>PIN and automatic lock…</source>
        <translation>PIN 码与自动锁定…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_menus.py" line="60"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_menus.py" line="70"/>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_menus.py" line="71"/>
        <source>Household cards…</source>
        <translation>户卡（明白卡）…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_menus.py" line="72"/>
        <source>Wall sheets for the home…</source>
        <translation>户内公示牌…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_menus.py" line="73"/>
        <source>Public notice…</source>
        <translation>公示名单…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_menus.py" line="74"/>
        <source>Village register…</source>
        <translation>村有册…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_menus.py" line="81"/>
        <source>County summary (县级有档)…</source>
        <translation>县级有档汇总表…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_menus.py" line="82"/>
        <source>Township summary (乡镇有簿)…</source>
        <translation>乡镇有簿汇总表…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_menus.py" line="85"/>
        <source>&amp;Household</source>
        <translation>农户(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_menus.py" line="86"/>
        <source>New household</source>
        <translation>新增农户</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_menus.py" line="90"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_menus.py" line="95"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../villagebook/ui/pages.py" line="125"/>
        <source>Today</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/pages.py" line="126"/>
        <source>Households</source>
        <translation>农户</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/pages.py" line="128"/>
        <source>Assistance measures</source>
        <translation>帮扶措施</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/pages.py" line="129"/>
        <source>Helpers</source>
        <translation>帮扶责任人</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/pages.py" line="130"/>
        <source>Visits</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/pages.py" line="131"/>
        <source>Problems</source>
        <translation>问题整改</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/pages.py" line="132"/>
        <source>Projects and assets</source>
        <translation>项目资产</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/pages.py" line="133"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/pages.py" line="134"/>
        <source>Warnings</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/pages.py" line="135"/>
        <source>Charts</source>
        <translation>统计图</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_window.py" line="221"/>
        <source>{count} changes since {since} have not reached {name} yet: export a sync package (Sync in the side bar).</source>
        <translation>自{since}以来有 {count} 项修改尚未送达{name}：请导出同步包（左侧“同步”）。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_window.py" line="238"/>
        <source>Back up to</source>
        <translation>备份到</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_window.py" line="245"/>
        <source>This copy has no password: whoever has the stick can read every household&apos;s ID numbers, health and disability. Lock the book first (File → Lock with a password…) and its copies are locked too.</source>
        <translation>这份副本没有密码：谁拿到 U 盘都能看到各户的身份证号、健康和残疾情况。先给账本加密码（文件 → 给账本加密码…），它的副本也就都有密码了。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_window.py" line="248"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_window.py" line="291"/>
        <location filename="../../villagebook/ui/main_window.py" line="294"/>
        <source>Writing the summary…</source>
        <translation>正在生成汇总表…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_window.py" line="306"/>
        <source>Export the township book</source>
        <translation>导出乡镇有簿</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_window.py" line="307"/>
        <source>Export the village register</source>
        <translation>导出村册</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_window.py" line="307"/>
        <location filename="../../villagebook/ui/main_window.py" line="355"/>
        <source>Workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_window.py" line="329"/>
        <source>Writing the township book…</source>
        <translation>正在写入乡镇有簿…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_window.py" line="330"/>
        <source>Writing the village register…</source>
        <translation>正在写出村册…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_window.py" line="354"/>
        <source>Save a blank entry template</source>
        <translation>保存空白录入模板</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_window.py" line="381"/>
        <source>villagebook — {village}</source>
        <translation>村账本 — {village}</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_window.py" line="383"/>
        <source>[DEMO: not real data]</source>
        <translation>【演示数据，非真实信息】</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/main_window.py" line="385"/>
        <source>[read only]</source>
        <translation>【只读】</translation>
    </message>
</context>
<context>
    <name>MeasuresPage</name>
    <message>
        <location filename="../../villagebook/ui/measures_page.py" line="38"/>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/measures_page.py" line="40"/>
        <source>All progress</source>
        <translation>全部进展</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/measures_page.py" line="41"/>
        <source>All sources</source>
        <translation>全部资金来源</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/measures_page.py" line="90"/>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/measures_page.py" line="110"/>
        <source>Adding up…</source>
        <translation>正在合计…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/measures_page.py" line="115"/>
        <source>&lt;b&gt;{count} measures, {amount} yuan&lt;/b&gt;</source>
        <translation>&lt;b&gt;共 {count} 项措施，金额 {amount} 元&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/measures_page.py" line="120"/>
        <source>By type</source>
        <translation>按措施类型</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/measures_page.py" line="121"/>
        <source>By source of funds</source>
        <translation>按资金来源</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/measures_page.py" line="123"/>
        <source>{count} items</source>
        <translation>{count} 项</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/measures_page.py" line="123"/>
        <source>yuan</source>
        <translation>元</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../villagebook/core/messages.py" line="24"/>
        <source>Enter the ID number</source>
        <translation>请填写证件号码</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="25"/>
        <source>The ID number must have 18 characters (or the old 15); it has {length}</source>
        <translation>证件号码应为 18 位（或旧的 15 位），现在是 {length} 位</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="27"/>
        <source>The ID number may contain only digits, and X as the last character</source>
        <translation>证件号码只能是数字，最后一位可以是 X</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="29"/>
        <source>Wrong check character in the ID number: the last character should be {expected}</source>
        <translation>证件号码校验位错误：最后一位应为 {expected}</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="31"/>
        <source>The birth date in the ID number ({value}) does not exist</source>
        <translation>证件号码中的出生日期（{value}）不存在</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="33"/>
        <source>The birth date in the ID number ({value}) is after today</source>
        <translation>证件号码中的出生日期（{value}）晚于今天</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="35"/>
        <source>The area code {area} was not in use in the birth year; please check (it may be a code that changed later)</source>
        <translation>证件号码前六位 {area} 在出生年份尚未启用，请核对（可能是后来调整过的行政区划代码）</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="39"/>
        <source>Enter {label}</source>
        <translation>请填写{label}</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="40"/>
        <source>{label}: “{value}” is not in the list; choose from the drop-down</source>
        <translation>{label}：“{value}”不在代码表中，请从下拉列表中选择</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="42"/>
        <source>{label}: “{value}” is not a phone number (a mobile has 11 digits starting with 1; a landline looks like 0871-12345678)</source>
        <translation>{label}：“{value}”不是有效的电话号码（手机号为 1 开头的 11 位数字，座机如 0871-12345678）</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="45"/>
        <source>{label} cannot be after today ({value})</source>
        <translation>{label}不能晚于今天（{value}）</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="46"/>
        <source>{label}: “{value}” is not a date; write it like 2024-03-01</source>
        <translation>{label}：“{value}”不是有效日期，请按 2024-03-01 的格式填写</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="48"/>
        <source>{label} is too long: {length} characters, at most {max}</source>
        <translation>{label}太长：共 {length} 字，最多 {max} 字</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="50"/>
        <source>{label}: {value} is not a plausible year</source>
        <translation>{label}：{value} 不是合理的年份</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="51"/>
        <source>{label}: “{value}” is not a year</source>
        <translation>{label}：“{value}”不是年份</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="52"/>
        <source>{label} must be between 0 and 12</source>
        <translation>{label}应在 0 到 12 之间</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="53"/>
        <source>{label}: “{value}” is not a number of months</source>
        <translation>{label}：“{value}”不是月数</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="54"/>
        <source>{label}: “{value}” is not a whole number</source>
        <translation>{label}：“{value}”不是整数</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="55"/>
        <source>{label}: “{value}” is not an amount in yuan (at most two decimals)</source>
        <translation>{label}：“{value}”不是有效金额（单位元，最多两位小数）</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="57"/>
        <source>{label} cannot be negative</source>
        <translation>{label}不能为负数</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="58"/>
        <source>{label}: {value} yuan is far too large; please check</source>
        <translation>{label}：{value} 元明显过大，请核对</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="59"/>
        <source>{label}: “{value}” is not a number</source>
        <translation>{label}：“{value}”不是数字</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="60"/>
        <source>{label}: {value} is out of range</source>
        <translation>{label}：{value} 超出合理范围</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="61"/>
        <source>{label}: choose yes or no</source>
        <translation>{label}：请选择“是”或“否”</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="63"/>
        <source>Sex does not match the ID number, which says {expected}</source>
        <translation>性别与证件号码不符：证件号码显示为{expected}</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="65"/>
        <source>Birth date does not match the ID number, which says {expected}</source>
        <translation>出生日期与证件号码不符：应为 {expected}</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="67"/>
        <source>Relation is “{relation}” but sex is {sex}; please check</source>
        <translation>与户主关系为“{relation}”，性别却是{sex}，请核对</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="69"/>
        <source>Relation is “{relation}” but the age does not fit the head&apos;s; please check</source>
        <translation>与户主关系为“{relation}”，但年龄与户主不相称，请核对</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="71"/>
        <source>The spouse has the same sex as the head; please check</source>
        <translation>配偶与户主性别相同，请核对</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="73"/>
        <source>Health is “disabled”: enter the disability type</source>
        <translation>健康状况为残疾，请填写残疾类别</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="75"/>
        <source>A disability certificate number is usually the ID number plus type and grade: {expected}</source>
        <translation>残疾证号一般为证件号码加残疾类别和等级：{expected}</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="78"/>
        <source>Aged {age}, of compulsory-school age, but not in school: check and write the reason in the note</source>
        <translation>{age} 岁，处于义务教育阶段却不在校，请核实并在备注中写明原因（控辍保学）</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="81"/>
        <source>Same ID number as {other} in this household</source>
        <translation>与本户成员 {other} 的证件号码重复</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="83"/>
        <source>This ID number is already registered in household {household}; one person cannot be in two households</source>
        <translation>此证件号码已登记在户编号 {household} 中，同一人不能同时在两户</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="86"/>
        <source>Choose why the member left</source>
        <translation>请选择减少原因</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="87"/>
        <source>Enter the date the member left</source>
        <translation>请填写减少日期</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="89"/>
        <source>The household has no head: set one member&apos;s relation to “户主”</source>
        <translation>本户没有户主：请把一名成员的与户主关系设为“户主”</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="91"/>
        <source>The household has several heads ({names}); there can be only one</source>
        <translation>本户有多名户主（{names}），只能有一名</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="93"/>
        <source>The household has several spouses ({names})</source>
        <translation>本户有多名配偶（{names}），请核对</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="95"/>
        <source>Enter at least one member</source>
        <translation>请至少登记一名家庭成员</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="96"/>
        <source>Household number {number} is already used by another household</source>
        <translation>户编号 {number} 已被另一户使用</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="98"/>
        <source>The household is already closed</source>
        <translation>本户已注销</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="99"/>
        <source>The household is not closed</source>
        <translation>本户未注销</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="100"/>
        <source>The member has already left</source>
        <translation>该成员已减少</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="101"/>
        <source>The member has not left</source>
        <translation>该成员未减少</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="103"/>
        <source>There is already an income record for {year}: change that one instead</source>
        <translation>{year} 年已有收入记录，请修改那一条</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="105"/>
        <source>The project already has its income for {year}: change that one instead</source>
        <translation>该项目 {year} 年的收益已经登记：请修改那一条</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="107"/>
        <source>The record is already removed</source>
        <translation>该记录已删除</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="108"/>
        <source>The record is not removed</source>
        <translation>该记录未删除</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="110"/>
        <source>{label} is before the start ({start})</source>
        <translation>{label}早于开始日期（{start}）</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="111"/>
        <source>The member chosen does not belong to this household</source>
        <translation>所选成员不属于本户</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="113"/>
        <source>More has been repaid than was lent</source>
        <translation>已还款超过了贷款金额</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="115"/>
        <source>{label} is only for a microcredit loan</source>
        <translation>{label}只在措施类型为小额信贷时填写</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="118"/>
        <source>Choose a helper from the roster</source>
        <translation>请从帮扶责任人名单中选择</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="119"/>
        <source>Choose the helper who visited, or write the visitor&apos;s name</source>
        <translation>请选择走访的帮扶责任人，或填写走访人姓名</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="121"/>
        <source>{value} is out of range</source>
        <translation>{value} 超出范围</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="122"/>
        <source>Write at most {max} characters</source>
        <translation>最多写 {max} 个字</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="124"/>
        <source>The period ends ({end}) before it starts ({start})</source>
        <translation>结束日期（{end}）早于开始日期（{start}）</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="126"/>
        <source>A notice is posted for 1 to 60 days, not {value}</source>
        <translation>公示期应为 1 至 60 天，不能是 {value} 天</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="128"/>
        <source>There is nothing to print: {what}</source>
        <translation>没有可打印的内容：{what}</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="130"/>
        <source>{name} is not a picture (JPEG or PNG); nothing was added</source>
        <translation>{name} 不是图片（JPEG 或 PNG），未添加</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="132"/>
        <source>{name} is too large to be a photo (over 40 MB or 120 million pixels)</source>
        <translation>{name} 太大，不像是照片（超过 40 MB 或 1.2 亿像素）</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="134"/>
        <source>{name} is still too large after reducing; nothing was added</source>
        <translation>{name} 压缩后仍然太大，未添加</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="137"/>
        <source>There is no household {number}</source>
        <translation>没有户编号为 {number} 的农户</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="138"/>
        <source>A township&apos;s book keeps many villages: choose the village this record belongs to</source>
        <translation>乡镇账本里有多个村：请选择这条记录属于哪个村</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="141"/>
        <source>A closing date needs the progress “rectified”</source>
        <translation>填写整改完成日期时，整改进展应为“已整改”</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="144"/>
        <source>At most five risk types ({count} chosen)</source>
        <translation>风险类型最多 5 项（现选了 {count} 项）</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="146"/>
        <source>{label} belongs to a risk removal, not to an identification</source>
        <translation>{label}属于风险消除，纳入监测时不填</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="148"/>
        <source>{label} belongs to an identification, not to a risk removal</source>
        <translation>{label}属于纳入监测，风险消除时不填</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="150"/>
        <source>On {date} the household is already monitored: record the removal of its risk first</source>
        <translation>{date} 时本户已在监测中：请先登记风险消除</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="153"/>
        <source>On {date} the household is not monitored, so no risk can be removed</source>
        <translation>{date} 时本户未纳入监测，无风险可消除</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="156"/>
        <source>No header row with the columns {columns} was found in the first rows</source>
        <translation>前几行中没有找到含有“{columns}”列的表头行</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="158"/>
        <source>{name} is not a workbook that can be read (xlsx, xls or ods), or it is damaged</source>
        <translation>{name} 不是可以读取的表格文件（xlsx、xls 或 ods），或者已经损坏</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="161"/>
        <source>{name} is protected by a password; save a copy without the password</source>
        <translation>{name} 设有密码，请另存一份不带密码的副本再导入</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="163"/>
        <source>Sheet {sheet} has {rows} rows: too many for a village&apos;s list</source>
        <translation>工作表“{sheet}”有 {rows} 行，不像是一个村的名单</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="165"/>
        <source>{name} holds no households</source>
        <translation>{name} 中没有农户数据</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="166"/>
        <source>A township&apos;s book does not import village lists: each village imports its own list into its book, and its sync package brings the households here</source>
        <translation>乡镇账本不直接导入村的名单：各村在自己的账本里导入名单，再由同步包把农户带到乡镇</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="169"/>
        <source>{name} is far larger inside than any village&apos;s list (it may be damaged or made to exhaust the computer&apos;s memory); it was not read</source>
        <translation>{name} 解压后远大于任何村的名单（文件可能已损坏，或被做成会耗尽电脑内存的样子），未读取</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="172"/>
        <source>{count} cell(s) of the column “{column}” hold a bare number, and numbers mean different entries in this program&apos;s code list and in {numberings}. Choose under “Read as” which numbering the column uses.</source>
        <translation>“{column}”列有 {count} 个格子是纯数字，而同一个数字在本程序的代码表和 {numberings} 里含义不同。请在“读作”中选择这一列用的是哪种代码。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="176"/>
        <source>The column “{column}” marks {count} household(s) as living in an unsafe house, but says not whether grade C or D: enter their housing grade in the household window.</source>
        <translation>“{column}”列标出 {count} 户住危房，但没有说明是 C 级还是 D 级：请在农户窗口填写这些户的住房安全等级。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="180"/>
        <source>“{value}” in the column “{column}” ({count} cell(s)) is not in the code list: the field was left empty and the value kept in the remarks. Say which code it means and it is read so from now on.</source>
        <translation>“{column}”列中的“{value}”（{count} 格）不在代码表中：该项留空，原值记入备注。说明它对应哪个代码，以后就按此读取。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="184"/>
        <source>… and {count} more of the same kinds, not listed: correct the ones above and check again.</source>
        <translation>…… 另有 {count} 处同类问题未列出：请先改正上面这些，再检查一次。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="187"/>
        <source>{count} row(s) lack {label}: the list has no such column, or leaves it empty. Say once what it is for the whole list (a value for all), or fill it in the list.</source>
        <translation>有 {count} 行缺少{label}：名单没有这一列，或这一列是空的。为整份名单说一次它是什么（所有行同一个值），或在名单中填上。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="191"/>
        <source>{count} row(s) that close the list (such as “{example}”) were not read as people.</source>
        <translation>名单末尾的 {count} 行（如“{example}”）不是人员，未读入。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="194"/>
        <source>The list has no household number: {count} household(s) were numbered from the village code in the order of the list, each starting at its head of household.</source>
        <translation>名单没有户编号：已按名单顺序、以村代码为前缀为 {count} 户编号，每户从户主那一行开始。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="198"/>
        <source>The column “{column}” was stored as numbers, and Excel kept only 15 digits ({count} cell(s), such as {example}): the last digits are lost. Format the column as text in the original list, type the numbers again (or copy them from the system&apos;s export) and import again.</source>
        <translation>“{column}”列是按数字保存的，Excel 只保留了 15 位（{count} 格，如 {example}）：末尾几位已经丢失。请在原名单中把这一列设为文本格式，重新输入号码（或从系统导出的表中复制），再导入。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="203"/>
        <source>Sheet {sheet} has neither a household number nor a column saying who is the head of household, so its people cannot be put into households. Choose which column holds the household number or the relation to the head.</source>
        <translation>工作表 {sheet} 既没有户编号，也没有说明谁是户主的列，无法把人员分到各户。请选择哪一列是户编号或与户主关系。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="208"/>
        <source>The answers file {name} cannot be read (it is not an answers file of this program, or it is damaged).</source>
        <translation>答案文件 {name} 无法读取（不是本程序的答案文件，或已损坏）。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="211"/>
        <source>The answers file was made by a newer version of the program (version {version}); update the program to use it.</source>
        <translation>答案文件由更新版本的程序生成（版本 {version}）；请先更新程序。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="214"/>
        <source>“{value}” is no field of the book (write a field such as member.id_number or its label such as 证件号码).</source>
        <translation>“{value}”不是账本中的字段（请写字段名如 member.id_number，或其名称如 证件号码）。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="217"/>
        <source>“{value}” is not an answer of the form {form}.</source>
        <translation>“{value}”不是“{form}”形式的答案。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="219"/>
        <source>{count} column(s) have no place in the book and are not imported: {columns}. Choose under “Read as” if one of them holds a field.</source>
        <translation>有 {count} 列在账本中没有对应项，不会导入：{columns}。如其中某列对应某一项，请在“读作”中选择。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="222"/>
        <source>From the list&apos;s monitoring columns: {identified} household(s) taken into monitoring, {removed} with their risk removed (logged events, as in the household window).</source>
        <translation>按名单的监测信息：{identified} 户纳入监测，其中 {removed} 户风险已消除（与农户窗口一样记为事件，留有变更记录）。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="226"/>
        <source>{count} household(s) already have monitoring events in the book; the list&apos;s monitoring columns were not applied to them: {numbers}</source>
        <translation>{count} 户在账本中已有监测记录，名单的监测信息没有用于这些户：{numbers}</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="229"/>
        <source>{count} household(s) are monitored in the list but it gives no date of identification; enter the monitoring in the household window: {numbers}</source>
        <translation>{count} 户在名单中是监测对象，但没有风险识别时间，请在农户窗口补录监测：{numbers}</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="232"/>
        <source>{count} household(s) are monitored in the list but neither a risk type nor a cause that names one is given; enter the monitoring in the household window: {numbers}</source>
        <translation>{count} 户在名单中是监测对象，但没有风险类型，致贫原因也对应不上风险类型，请在农户窗口补录监测：{numbers}</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="236"/>
        <source>{count} household(s) have their risk removed in the list without the date or the way it was removed; they were taken into monitoring, enter the removal in the household window: {numbers}</source>
        <translation>{count} 户在名单中风险已消除，但缺消除时间或消除方式；已纳入监测，请在农户窗口补录风险消除：{numbers}</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="240"/>
        <source>{count} of the {total} households have a household number of another village (such as {example}; this village&apos;s numbers begin with {code}). Check that this is the right village&apos;s list before importing.</source>
        <translation>{total} 户中有 {count} 户的户编号属于其他村（如 {example}；本村户编号以 {code} 开头）。导入前请确认这是本村的名单。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="244"/>
        <source>The workbook takes values from other files ({files}): what was copied from them when the file was last saved is imported. Check that it is up to date.</source>
        <translation>此工作簿引用了其他文件的数据（{files}）：导入的是上次保存时复制过来的值，请核对是否为最新。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="249"/>
        <source>The township code must have 9 digits (it has “{value}”)</source>
        <translation>乡镇代码应为 9 位数字（现为“{value}”）</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="251"/>
        <source>The shared settings and the helpers are the townships&apos;: change them in the township&apos;s book (a county&apos;s book changes its villages&apos; records and its own users)</source>
        <translation>共享设置和帮扶责任人归乡镇管理：请在乡镇账本中修改（县级账本可以修改所辖各村的记录和本账本的用户）</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="255"/>
        <source>The county code must have 6 digits (it has “{value}”)</source>
        <translation>县代码应为 6 位数字（现为“{value}”）</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="258"/>
        <source>The archive needs the PostgreSQL driver: install villagebook with its archive extra (pip install &quot;villagebook[archive]&quot;)</source>
        <translation>档案库需要 PostgreSQL 驱动：请安装带 archive 扩展的 villagebook（pip install &quot;villagebook[archive]&quot;）</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="261"/>
        <source>“{dsn}” is not a database address ({reason}); write it as postgresql://user@host:5432/database</source>
        <translation>“{dsn}”不是数据库地址（{reason}）；请写成 postgresql://用户@主机:5432/数据库名</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="264"/>
        <source>Cannot reach the archive&apos;s database {dsn} ({reason}); check the address, the user and that the server is running. Nothing was changed.</source>
        <translation>连不上档案库的数据库 {dsn}（{reason}）；请检查地址、用户名，以及数据库服务器是否在运行。没有做任何修改。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="267"/>
        <source>The connection to the archive&apos;s database {dsn} was lost ({reason}). The package being applied was not written; those applied before stay. Run the same command again once the server is back: it goes on from there.</source>
        <translation>与档案库数据库 {dsn} 的连接中断了（{reason}）。正在导入的同步包没有写入，之前已导入的保留。等服务器恢复后再次运行同一命令，会从中断处继续。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="271"/>
        <source>The database {dsn} holds no archive yet: make one first (villagebook archive init)</source>
        <translation>数据库 {dsn} 里还没有档案库：请先建立（villagebook archive init）</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="274"/>
        <source>The database {dsn} holds an archive already; nothing was changed</source>
        <translation>数据库 {dsn} 里已经有档案库；没有做任何修改</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="276"/>
        <source>The database {dsn} belongs to another program (it holds tables such as {tables}); it was not touched. Make an empty database for the archive.</source>
        <translation>数据库 {dsn} 属于别的程序（其中有 {tables} 等表），没有动它。请为档案库新建一个空数据库。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="279"/>
        <source>The archive in {dsn} was brought up to a newer version of villagebook (archive version {version}; this program knows up to {supported}); please update the program. Nothing was changed.</source>
        <translation>{dsn} 中的档案库已由更新版本的 villagebook 升级（档案库版本 {version}；本程序只认识到 {supported}）；请更新程序。没有做任何修改。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="284"/>
        <source>{name} is not a villagebook pairing card</source>
        <translation>{name} 不是村账本的配对文件</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="286"/>
        <source>The fingerprint does not match ({expected} on this card): do not pair; ask the other side for their card again</source>
        <translation>指纹不一致（此配对文件为 {expected}）：请不要配对，请对方重新提供配对文件</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="289"/>
        <source>Two books of one level do not pair: a village pairs with its township, a township with its county</source>
        <translation>同一级的账本不能相互配对：村与所属乡镇配对，乡镇与所属县配对</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="292"/>
        <source>This card is of {name} ({card_code}): a village pairs with its township and a township with its county, never across a level</source>
        <translation>这张配对卡属于{name}（{card_code}）：村只与所属乡镇配对，乡镇只与所属县配对，不能越级配对</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="295"/>
        <source>{lower} ({lower_code}) is not in {higher} ({higher_code}): a village&apos;s code begins with its township&apos;s 9 digits, a township&apos;s with its county&apos;s 6; check the codes on both books</source>
        <translation>{lower}（{lower_code}）不属于{higher}（{higher_code}）：村的代码以所属乡镇代码的 9 位开头，乡镇的代码以所属县代码的 6 位开头；请核对双方账本的代码</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="299"/>
        <source>The package comes from a book this one is not paired with: pair first</source>
        <translation>此同步包来自尚未配对的账本：请先配对</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="301"/>
        <source>More than one computer is paired under {peer}: name the one to retire by its installation id (villagebook sync status shows them)</source>
        <translation>{peer} 下配对了不止一台电脑：请用安装编号指明停用哪一台（villagebook sync status 会列出）</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="304"/>
        <source>The package comes from the computer of {name} ({peer_code}) whose pairing was retired on {day}: it is not imported. If that computer is in use again, pair with it again</source>
        <translation>这个同步包来自 {name}（{peer_code}）的电脑，它的配对已于 {day} 停用：不导入。如果那台电脑又在使用，请重新与它配对</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="308"/>
        <source>The package is damaged or was changed after it was made; ask for it again. Nothing was changed.</source>
        <translation>同步包已损坏，或生成后被改动过，请对方重新导出。账本未做任何改动。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="311"/>
        <source>The package is larger than any package villagebook makes; it was not read. Nothing was changed.</source>
        <translation>同步包大小超出村账本所能生成的范围，未读取。账本未做任何改动。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="314"/>
        <source>The package holds files that no villagebook package holds; it was not read. Nothing was changed.</source>
        <translation>同步包中含有村账本同步包不会有的文件，未读取。账本未做任何改动。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="317"/>
        <source>The package&apos;s signature does not match its sender: it may be forged or changed. Nothing was changed.</source>
        <translation>同步包的签名与发送方不符：可能被伪造或改动。账本未做任何改动。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="320"/>
        <source>The package was made for another book; it cannot be read here</source>
        <translation>此同步包是发给另一个账本的，在这里无法读取</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="322"/>
        <source>The package was made by a newer version of villagebook (format {version}); please update the program</source>
        <translation>此同步包由更新版本的村账本生成（格式 {version}），请先升级程序</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="325"/>
        <source>The package was made by a newer version of villagebook (book version {version}; this program reads up to {supported}); please update the program</source>
        <translation>此同步包由更新版本的村账本生成（账本版本 {version}，本程序最高支持 {supported}），请先升级程序</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="329"/>
        <source>The package holds other changes under numbers already received from the same book: the book was copied and both copies were used. Nothing was changed; ask the village which copy is right.</source>
        <translation>同步包中的修改编号与此前从同一账本收到的相同但内容不同：该账本被复制后两份都在使用。账本未做任何改动，请向村里确认哪一份是正确的。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="333"/>
        <source>Packages before this one are missing ({missing}); it is kept and will be applied when they arrive</source>
        <translation>缺少此前的同步包（{missing}）：此包已暂存，收到缺少的包后自动导入</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="336"/>
        <source>The package comes from a computer whose clock is {hours} hours ahead; it is kept until the clock is corrected</source>
        <translation>此同步包来自时钟快了 {hours} 小时的电脑：已暂存，待时钟校正后再导入</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="339"/>
        <source>The file cannot be read</source>
        <translation>无法读取该文件</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="340"/>
        <source>The package says it brings numbers {start}–{end} of a book but does not carry them all: it was not imported. Nothing was changed.</source>
        <translation>同步包声称带来了某账本编号 {start}–{end} 的修改，却没有全部带上：未导入，账本没有改动。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="343"/>
        <source>The package changes a field this program does not know ({table}.{field}): it is damaged or made by another program. Nothing was changed.</source>
        <translation>同步包修改了本程序不认识的字段（{table}.{field}）：包已损坏，或由别的程序制作。账本没有改动。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="346"/>
        <source>a change of a record the sending computer may not change (another village&apos;s, or the township&apos;s): not applied</source>
        <translation>发送方电脑无权修改的记录（别的村的，或乡镇的）：未应用</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="349"/>
        <source>a village&apos;s change of a shared setting: it stays in the village&apos;s own book; shared settings are the township&apos;s</source>
        <translation>村里改动了共用设置：只在村账本里有效；共用设置由乡镇掌握</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="352"/>
        <source>a change of a user or helper another book added: not applied</source>
        <translation>修改的是别的账本添加的用户或帮扶责任人：未应用</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="354"/>
        <source>This package comes from a new book of {village}, a village this book already keeps: nothing of it was taken. The village&apos;s new book takes this book&apos;s record of its village from the next package it imports: send that village a package, and it sends again afterwards.</source>
        <translation>此同步包来自{village}新建的账本，本账本已有{village}的记录：包中内容均未导入。请先给该村发送同步包，村里的新账本导入后会接上本账本中的村记录（含全部历史），再重新发来同步包。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="359"/>
        <source>the township&apos;s record of this book&apos;s own village, made by another book of the village (this book was made anew and has sent packages already): not applied. Restore this village&apos;s book from a backup, or ask the township</source>
        <translation>乡镇账本中的本村记录由本村的另一个账本建立（本账本是新建的，且已发出过同步包）：未应用。请用备份恢复本村账本，或联系乡镇</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="364"/>
        <source>a change of a record this book does not have: not applied</source>
        <translation>修改的记录本账本里没有：未应用</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="366"/>
        <source>There is no held package {id}</source>
        <translation>没有暂存的同步包 {id}</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="367"/>
        <source>Package {id} waits for a missing package, not for a clock: it is imported by itself once the missing one arrives</source>
        <translation>同步包 {id} 在等缺少的包，不是时钟的问题：缺少的包一到就会自动导入</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="370"/>
        <source>This computer made this package, for the other side; it was left as it is</source>
        <translation>这个同步包是这台电脑自己做给对方的，未导入，原样留着</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="373"/>
        <source>This package is addressed to another computer; it was left as it is</source>
        <translation>这个同步包是发给另一台电脑的，未导入，原样留着</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="375"/>
        <source>This computer&apos;s sync keys are kept under the password of another book. Open that book, or take its password off, to sync.</source>
        <translation>本机的同步密钥由另一个账本的密码保护。请打开那个账本，或者取消它的密码，再同步。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="378"/>
        <source>This book is not paired with {peer}; pair first</source>
        <translation>本账本尚未与 {peer} 配对：请先配对</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="380"/>
        <source>This book is not paired with any computer yet (or every pairing was retired); pair first</source>
        <translation>本账本还没有与任何电脑配对（或配对都已停用）：请先配对</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="383"/>
        <source>There is no conflict {id}</source>
        <translation>没有编号为 {id} 的冲突</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="384"/>
        <source>Conflict {id} is already decided</source>
        <translation>冲突 {id} 已经处理过</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="385"/>
        <source>Choose this side&apos;s value, the other side&apos;s, or type a value</source>
        <translation>请选择本方的值、对方的值，或输入一个值</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="387"/>
        <source>There is no finding {id}</source>
        <translation>没有编号为 {id} 的记录</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="388"/>
        <source>The administrative code must have 12 digits (it has “{value}”)</source>
        <translation>行政区划代码应为 12 位数字（现在是“{value}”）</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="390"/>
        <source>There is already a user called {name}</source>
        <translation>已有名为 {name} 的用户</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="391"/>
        <source>{name} is not an active user of this book (its users: {users})</source>
        <translation>{name} 不是本账本的在用用户（本账本用户：{users}）</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="393"/>
        <source>Say who is working with --user NAME (the book&apos;s users: {users})</source>
        <translation>请用 --user 姓名 说明是谁在操作（本账本用户：{users}）</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="395"/>
        <source>At least one user must remain: add the new user first</source>
        <translation>至少要保留一名在用用户：请先添加新用户</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="398"/>
        <source>This book was made by a newer version of villagebook (version {version}; this program reads up to {supported}). Please update the program. The book has not been changed.</source>
        <translation>这个账本由较新版本的村账本创建（版本 {version}，本程序只能读到版本 {supported}）。请先升级程序。账本没有被改动。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="402"/>
        <source>This book was changed by a newer version of villagebook ({name}). Please update the program. The book has not been changed.</source>
        <translation>此账本已被更新版本的村账本程序改动过（{name}）。请先升级程序。账本未做任何改动。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="405"/>
        <source>The book is in use by another program (perhaps another villagebook window). Close it and try again. Nothing was changed.</source>
        <translation>账本正被另一个程序使用（可能是另一个村账本窗口）。请关闭后再试。没有做任何改动。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="408"/>
        <source>The book cannot be written (it may be on a CD or a protected USB stick). Copy it to the computer and open the copy.</source>
        <translation>账本文件无法写入（可能在光盘或写保护的U盘上）。请把它复制到电脑上，再打开复制的文件。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="411"/>
        <source>This file is not a villagebook book, or it is damaged. It has not been changed. Restore it from a backup copy.</source>
        <translation>这个文件不是村账本，或者已经损坏。文件没有被改动。请用备份恢复。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="414"/>
        <source>The change of the book&apos;s password was cut short last time; it has now been finished: the book, its backups and the sync keys are alike again.</source>
        <translation>上次更改账本密码时被中断；现已完成：账本、它的备份和同步密钥又一致了。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="417"/>
        <source>A change of the book&apos;s password was cut short last time before the book itself was changed; it was dropped: everything keeps the password it had.</source>
        <translation>上次更改账本密码时，在账本本身改动之前就被中断；这次更改已撤销：一切保持原来的密码。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="421"/>
        <source>The book is locked with a password, and this {what} would hold its personal data unprotected: nothing was written. Give{protect} --plain to say which you want.</source>
        <translation>账本已设密码，而这个 {what} 文件会不加保护地含有其中的个人信息：什么都没有写。请给出{protect} --plain，说明要哪一种。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="425"/>
        <source>This database belongs to another program; villagebook will not change it.</source>
        <translation>这个数据库属于其他程序，村账本不会改动它。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="427"/>
        <source>The disk is full. Free some space and save again; nothing was lost.</source>
        <translation>磁盘已满。请腾出空间后再保存，已有数据没有丢失。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="429"/>
        <source>The book file cannot be opened. Check that the USB stick or folder is still there.</source>
        <translation>无法打开账本文件。请检查U盘或文件夹是否还在。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="432"/>
        <source>The file cannot be written ({path}): it may be open in another program or the folder may be protected. Close it or choose another place.</source>
        <translation>文件无法写入（{path}）：可能正被其他程序打开，或文件夹受保护。请关闭该文件或另选位置。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="435"/>
        <source>There is no book at {path}</source>
        <translation>{path} 处没有账本</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="436"/>
        <source>The book {path} is locked with a password (or damaged): enter its password to open it</source>
        <translation>账本 {path} 加了密码（或者文件已损坏）：请输入密码打开</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="439"/>
        <source>That password does not open this book. Check the keyboard&apos;s Caps Lock and input method and try again.</source>
        <translation>密码不对，打不开这个账本。请检查大写锁定键和输入法，再试一次。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="442"/>
        <source>A password needs at least {count} characters</source>
        <translation>密码至少要 {count} 个字符</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="444"/>
        <source>The two passwords are not the same</source>
        <translation>两次输入的密码不一样</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="446"/>
        <source>A PIN is {low} to {high} digits</source>
        <translation>PIN 码是 {low} 到 {high} 位数字</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="447"/>
        <source>Lock after 0 to {max} minutes</source>
        <translation>自动锁定时间在 0 到 {max} 分钟之间</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="448"/>
        <source>That is not the PIN of {name}</source>
        <translation>这不是 {name} 的 PIN 码</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="449"/>
        <source>The two PINs are not the same</source>
        <translation>两次输入的 PIN 码不一样</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="450"/>
        <source>Set a PIN first: without one the window cannot lock</source>
        <translation>请先设置 PIN 码：没有 PIN 码，窗口无法锁定</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="452"/>
        <source>Password of the book: </source>
        <translation>账本密码：</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="453"/>
        <source>A forgotten password cannot be recovered by anyone: write it down. New password: </source>
        <translation>密码一旦忘记，谁都无法找回，请记下来。新密码：</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="456"/>
        <source>Once more: </source>
        <translation>再输一次：</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="457"/>
        <source>Password of the workbook: </source>
        <translation>表格的密码：</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="458"/>
        <source>This password does not open {name}</source>
        <translation>密码不对，打不开 {name}</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="460"/>
        <source>{name} is protected by a password: give it in VILLAGEBOOK_FILE_PASSWORD or type it at a terminal</source>
        <translation>{name} 设了密码：请在 VILLAGEBOOK_FILE_PASSWORD 中给出，或在终端中输入</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="463"/>
        <source>Write the password down first, then tick the box that says so</source>
        <translation>请先把密码记下来，再勾选“我已记下密码”</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="465"/>
        <source>The backup {path} is damaged and cannot be used; choose another one</source>
        <translation>备份 {path} 已损坏，无法使用；请选择另一个备份</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="467"/>
        <source>There is already a book at {path}</source>
        <translation>{path} 处已有账本</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="468"/>
        <source>Choose who is working before making changes</source>
        <translation>修改前请先选择当前使用人</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="470"/>
        <source>The record no longer exists in this book</source>
        <translation>账本中已没有这条记录</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="473"/>
        <source>{year}: {per_capita} yuan per person, under the line of {line} yuan</source>
        <translation>{year}年人均纯收入 {per_capita} 元，低于监测线 {line} 元</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="475"/>
        <source>Per-capita income fell from {before} yuan ({previous}) to {after} yuan ({year}), {percent}% less</source>
        <translation>人均纯收入由 {before} 元（{previous}年）降至 {after} 元（{year}年），下降 {percent}%</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="478"/>
        <source>Aged {age} on 1 September and not in school</source>
        <translation>9月1日满 {age} 周岁，未在校</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="480"/>
        <location filename="../../villagebook/core/rules.py" line="62"/>
        <source>No basic medical insurance</source>
        <translation>未参加基本医疗保险</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="481"/>
        <source>House of grade {grade}: no renovation, relocation or housing measure</source>
        <translation>住房为 {grade} 级，未改造、未搬迁、无住房措施</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="483"/>
        <location filename="../../villagebook/core/rules.py" line="70"/>
        <source>Drinking water not safe</source>
        <translation>饮水不安全</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="484"/>
        <source>Last two-assurances check: {last} (due every {days} days)</source>
        <translation>上次三保障核查：{last}（每 {days} 天应核查一次）</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="486"/>
        <source>Taken into monitoring on {date}; no measure within {days} days</source>
        <translation>{date} 纳入监测，{days} 天内没有帮扶措施</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="488"/>
        <source>Taken in on {taken}, risk removed by assistance on {removed} ({days} days later)</source>
        <translation>{taken} 纳入监测，{removed} 帮扶消除风险（相隔 {days} 天）</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="491"/>
        <source>Monitored for unstable work, but nobody in the household can work</source>
        <translation>因务工就业不稳纳入监测，但家中没有劳动力</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="493"/>
        <source>Nobody can work and nobody receives subsistence or extreme-poverty support</source>
        <translation>家中无劳动力，也无人享受低保或特困供养</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="496"/>
        <source>{health}, in an ordinary household that is not monitored</source>
        <translation>{health}，所在一般农户未纳入监测</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="498"/>
        <source>Loan of {amount} yuan due {due}, {repaid} yuan repaid</source>
        <translation>贷款 {amount} 元，{due} 到期，已还 {repaid} 元</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="500"/>
        <source>Overdue loans {overdue} yuan of {balance} yuan outstanding: {rate}‰ (line {line}‰)</source>
        <translation>逾期 {overdue} 元，贷款余额 {balance} 元：逾期率 {rate}‰（控制线 {line}‰）</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="503"/>
        <source>{measure} planned to end {end}, still in progress</source>
        <translation>{measure}计划 {end} 完成，仍在实施中</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="505"/>
        <source>Last visit: {last} (more than {days} days)</source>
        <translation>上次走访：{last}（超过 {days} 天）</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="507"/>
        <source>Follow-up due {date}: {agreed}</source>
        <translation>{date} 应跟进：{agreed}</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="509"/>
        <source>{helper}: {visits} visits this year, {due} due by now ({required} a year)</source>
        <translation>{helper}：今年走访 {visits} 次，到目前应走访 {due} 次（全年 {required} 次）</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="512"/>
        <source>{problem}: deadline {deadline}</source>
        <translation>{problem}：整改期限 {deadline}</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="513"/>
        <source>ID number {masked}: {detail}</source>
        <translation>证件号码 {masked}：{detail}</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="514"/>
        <source>The same ID number as {other} of household {number}</source>
        <translation>与户 {number} 的 {other} 证件号码相同</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="516"/>
        <source>{count} current heads of household</source>
        <translation>在册户主 {count} 名</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/messages.py" line="518"/>
        <source>{relation} born {birth}, the head of household born {head_birth}</source>
        <translation>{relation}生于 {birth}，户主生于 {head_birth}</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/messages.py" line="20"/>
        <source>members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/messages.py" line="21"/>
        <source>your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/messages.py" line="22"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/messages.py" line="23"/>
        <source>administrative code</source>
        <translation>行政区划代码</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/messages.py" line="59"/>
        <source>Row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="48"/>
        <source>Income under the monitoring line</source>
        <translation>收入低于监测线</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="49"/>
        <source>The latest year&apos;s per-capita net income is under that year&apos;s monitoring line, and the household is not monitored (应纳尽纳).</source>
        <translation>最近一年人均纯收入低于当年监测线，且未纳入监测（应纳尽纳）。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="53"/>
        <source>Income fell sharply</source>
        <translation>收入大幅下降</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="54"/>
        <source>Per-capita net income fell by more than the set share from the year before.</source>
        <translation>人均纯收入比上一年下降超过设定比例。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="58"/>
        <source>Child of school age not in school</source>
        <translation>义务教育阶段适龄儿童未在校</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="59"/>
        <source>A child aged 6 to 15 on 1 September is not in school and no reason is noted (控辍保学).</source>
        <translation>9月1日满6至15周岁的儿童未在校，且未注明原因（控辍保学）。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="63"/>
        <source>A member is recorded without basic medical insurance (医保全覆盖).</source>
        <translation>成员登记为未参加基本医疗保险（医保全覆盖）。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="66"/>
        <source>Unsafe house without a measure</source>
        <translation>危房未改造</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="67"/>
        <source>A C or D grade house with no renovation, no relocation and no housing measure.</source>
        <translation>C级或D级危房，没有改造、搬迁，也没有住房帮扶措施。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="71"/>
        <source>The household&apos;s drinking water is recorded as not safe.</source>
        <translation>该户饮水登记为不安全。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="74"/>
        <source>Assurance check due</source>
        <translation>三保障核查到期</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="75"/>
        <source>A household out of poverty or monitored has no two-assurances-three-guarantees check within the set number of days.</source>
        <translation>脱贫户或监测户在设定天数内没有两不愁三保障核查。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="80"/>
        <source>Monitored without a measure</source>
        <translation>纳入监测后无帮扶措施</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="81"/>
        <source>A household taken into monitoring has had no assistance measure within the set number of days.</source>
        <translation>纳入监测的农户在设定天数内没有落实帮扶措施。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="84"/>
        <source>Risk removed too soon</source>
        <translation>风险消除过快</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="85"/>
        <source>A risk removed by assistance within two months of being taken in (the national checker&apos;s rule).</source>
        <translation>纳入监测不足两个月即以帮扶消除风险（全国系统校验规则）。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="88"/>
        <source>Work risk without labour</source>
        <translation>务工风险但无劳动力</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="89"/>
        <source>A risk of unstable work in a household with no member able to work.</source>
        <translation>风险类型为因务工就业不稳，但家中没有劳动力。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="92"/>
        <source>No labour and no basic support</source>
        <translation>无劳动力且未兜底</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="93"/>
        <source>Nobody in the household can work and nobody receives subsistence or extreme-poverty support.</source>
        <translation>家中无劳动力，也没有成员享受低保或特困供养。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="96"/>
        <source>Candidate for monitoring</source>
        <translation>疑似应纳未纳</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="97"/>
        <source>An ordinary household with a member seriously ill or disabled, not monitored (应纳尽纳).</source>
        <translation>一般农户有大病或残疾成员，未纳入监测（应纳尽纳）。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="101"/>
        <source>Overdue microcredit loan</source>
        <translation>小额信贷逾期</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="102"/>
        <source>A microcredit loan is past its due date, not repaid and not extended.</source>
        <translation>小额信贷已过到期日，未还清也未展期。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="105"/>
        <source>Overdue loan rate</source>
        <translation>小额信贷逾期率</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="106"/>
        <source>The overdue share of the village&apos;s microcredit balance is above the set line (0.5%).</source>
        <translation>本村小额信贷逾期金额占贷款余额的比例超过设定线（0.5%）。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="109"/>
        <source>Measure past its end</source>
        <translation>措施超期未完成</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="110"/>
        <source>A measure is still in progress after its planned end.</source>
        <translation>措施已过计划完成日期，仍为实施中。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="113"/>
        <source>Not visited</source>
        <translation>未走访</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="114"/>
        <source>A household out of poverty or monitored has not been visited for the set number of days (遍访).</source>
        <translation>脱贫户或监测户超过设定天数未走访（遍访）。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="117"/>
        <source>Follow-up due</source>
        <translation>跟进到期</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="118"/>
        <source>A visit&apos;s follow-up date has come and the household has not been visited since.</source>
        <translation>走访约定的跟进日期已到，此后尚未再走访。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="121"/>
        <source>Helper behind on visits</source>
        <translation>帮扶责任人走访不足</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="122"/>
        <source>A helper has made fewer visits this year than the yearly count requires by now.</source>
        <translation>帮扶责任人今年的走访次数少于按年要求到目前应有的次数。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="126"/>
        <source>Problem past its deadline</source>
        <translation>问题超期未整改</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="127"/>
        <source>A problem found is not rectified by its deadline.</source>
        <translation>排查发现的问题到期未整改。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="130"/>
        <source>ID number to check</source>
        <translation>证件号码待核实</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="131"/>
        <source>An ID number fails its check, or its area code was not yet in use in the birth year.</source>
        <translation>证件号码校验不通过，或其地区码在出生年份尚未启用。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="134"/>
        <source>The same ID number twice</source>
        <translation>证件号码重复</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="135"/>
        <source>Two current members carry the same ID number.</source>
        <translation>两名在册成员的证件号码相同。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="137"/>
        <source>Not exactly one head of household</source>
        <translation>户主不唯一</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="138"/>
        <source>A household must have exactly one current head.</source>
        <translation>每户应有且只有一名在册户主。</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="140"/>
        <source>Age and relation disagree</source>
        <translation>年龄与关系矛盾</translation>
    </message>
    <message>
        <location filename="../../villagebook/core/rules.py" line="141"/>
        <source>A child of the head of household is older than the head, or a parent younger.</source>
        <translation>户主的子女比户主年长，或父母比户主年轻。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/findings_source.py" line="22"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/findings_source.py" line="23"/>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/findings_source.py" line="24"/>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/home_page.py" line="37"/>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/home_page.py" line="38"/>
        <source>Problem deadline</source>
        <translation>问题整改期限</translation>
    </message>
</context>
<context>
    <name>MonitoringLineDialog</name>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="261"/>
        <source>Monitoring line</source>
        <translation>监测线</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="268"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="269"/>
        <source>Yuan per person per year</source>
        <translation>元/人·年</translation>
    </message>
</context>
<context>
    <name>NewTownshipDialog</name>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="131"/>
        <source>New county book</source>
        <translation>新建县级账本</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="132"/>
        <source>New township book</source>
        <translation>新建乡镇账本</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="141"/>
        <source>Township name</source>
        <translation>乡镇名称</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="141"/>
        <source>County name</source>
        <translation>县名称</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="143"/>
        <source>County code (6 digits)</source>
        <translation>县代码（6 位）</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="144"/>
        <source>Township code (9 digits)</source>
        <translation>乡镇代码（9位）</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="146"/>
        <source>County</source>
        <translation>县</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="147"/>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
</context>
<context>
    <name>NewVillageDialog</name>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="87"/>
        <source>New village book</source>
        <translation>新建村账本</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="99"/>
        <source>Village name</source>
        <translation>村名</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="100"/>
        <source>Administrative code (12 digits)</source>
        <translation>行政区划代码（12 位）</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="101"/>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="102"/>
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="103"/>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="104"/>
        <source>Your role</source>
        <translation>您的身份</translation>
    </message>
</context>
<context>
    <name>OpenLockedDialog</name>
    <message>
        <location filename="../../villagebook/ui/password_dialogs.py" line="68"/>
        <source>Book locked with a password</source>
        <translation>账本已加密码</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/password_dialogs.py" line="72"/>
        <source>The book of {village} ({name}) is locked with a password. Enter it to open the book.</source>
        <translation>{village}的账本（{name}）已加密码，请输入密码打开。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/password_dialogs.py" line="75"/>
        <source>The book {name} is locked with a password. Enter it to open the book.</source>
        <translation>账本 {name} 加了密码。请输入密码打开账本。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/password_dialogs.py" line="45"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>OpenWorkbookDialog</name>
    <message>
        <location filename="../../villagebook/ui/password_dialogs.py" line="224"/>
        <source>Workbook protected with a password</source>
        <translation>表格设了密码</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/password_dialogs.py" line="225"/>
        <source>{name} is protected with a password. Enter it to read the households in it.</source>
        <translation>{name} 设了密码。输入密码后才能读取其中的农户。</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../villagebook/ui/password_dialogs.py" line="101"/>
        <source>Take the password off</source>
        <translation>取消账本密码</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/password_dialogs.py" line="102"/>
        <source>Change the password</source>
        <translation>修改账本密码</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/password_dialogs.py" line="103"/>
        <source>Lock the book with a password</source>
        <translation>给账本加密码</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/password_dialogs.py" line="107"/>
        <source>Without a password, anyone who has this laptop or a copy of the book (or of its backups) can read every household&apos;s ID numbers, health and disability.</source>
        <translation>取消密码后，任何拿到这台电脑或账本副本（包括备份）的人，都能看到各户的身份证号、健康和残疾情况。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/password_dialogs.py" line="112"/>
        <source>The book and its backups beside it are locked: without the password nobody can read them, not even with another program. If the password is forgotten, the book cannot be opened again: nobody can recover it, not the township, not the program&apos;s makers. Write it down and keep it in a safe place. The sync keys of this computer are kept under the same password.</source>
        <translation>账本和旁边的备份都会加密：没有密码，谁也读不了，用别的软件也不行。密码一旦忘记，账本就再也打不开，谁都无法找回——乡镇不能，软件开发者也不能。请把密码写下来，放在安全的地方。本机的同步密钥也用这个密码保护。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/password_dialogs.py" line="126"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/password_dialogs.py" line="129"/>
        <source>at least {count} characters</source>
        <translation>至少 {count} 个字符</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/password_dialogs.py" line="130"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/password_dialogs.py" line="131"/>
        <source>Once more</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/password_dialogs.py" line="133"/>
        <source>I have written the password down and know it cannot be recovered</source>
        <translation>我已把密码记下，知道忘记后无法找回</translation>
    </message>
</context>
<context>
    <name>PhotosDialog</name>
    <message>
        <location filename="../../villagebook/ui/photos.py" line="64"/>
        <source>Photos of the visit</source>
        <translation>走访照片</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/photos.py" line="76"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/photos.py" line="78"/>
        <source>Remove photo</source>
        <translation>删除照片</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/photos.py" line="97"/>
        <source>{name} (the photo is kept in the township&apos;s book)</source>
        <translation>{name}（照片保存在乡镇账本中）</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/photos.py" line="123"/>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/photos.py" line="124"/>
        <source>Pictures (*.jpg *.jpeg *.png);;All files (*)</source>
        <translation>图片 (*.jpg *.jpeg *.png);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../villagebook/ui/idle_lock.py" line="159"/>
        <source>PIN and automatic lock</source>
        <translation>PIN 码与自动锁定</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/idle_lock.py" line="162"/>
        <source>When {name} leaves the laptop for the minutes set here, the program hides its windows and asks {name}&apos;s PIN. The PIN is kept on this laptop only.</source>
        <translation>{name} 离开电脑超过这里设的分钟数，程序会隐藏所有窗口，并要求输入 {name} 的 PIN 码。PIN 码只保存在这台电脑上。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/idle_lock.py" line="169"/>
        <source>4 to 8 digits; empty: no PIN</source>
        <translation>4 到 8 位数字；不填：不设 PIN 码</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/idle_lock.py" line="171"/>
        <source>empty: keep the PIN</source>
        <translation>不填：PIN 码不变</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/idle_lock.py" line="174"/>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/idle_lock.py" line="175"/>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/idle_lock.py" line="177"/>
        <source>New PIN</source>
        <translation>新 PIN 码</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/idle_lock.py" line="178"/>
        <source>Once more</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/idle_lock.py" line="179"/>
        <source>Lock after</source>
        <translation>离开多久后锁定</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/idle_lock.py" line="181"/>
        <source>Remove my PIN</source>
        <translation>清除我的 PIN 码</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/idle_lock.py" line="192"/>
        <source>The PIN is removed: the window will not lock.</source>
        <translation>PIN 码已清除：窗口不会自动锁定。</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../villagebook/ui/pdf_view.py" line="151"/>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/pdf_view.py" line="154"/>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/pdf_view.py" line="157"/>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/pdf_view.py" line="162"/>
        <source>Smaller</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/pdf_view.py" line="165"/>
        <source>Larger</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/pdf_view.py" line="168"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/pdf_view.py" line="170"/>
        <source>Save as PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/pdf_view.py" line="172"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/pdf_view.py" line="212"/>
        <source>Page {page} of {count}</source>
        <translation>第 {page} 页，共 {count} 页</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/pdf_view.py" line="248"/>
        <source>Save as PDF</source>
        <translation>保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/pdf_view.py" line="249"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/pdf_view.py" line="266"/>
        <source>Not saved</source>
        <translation>没有保存</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="87"/>
        <location filename="../../villagebook/ui/print_dialog.py" line="264"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="90"/>
        <source>Household cards (户卡/明白卡)</source>
        <translation>户卡（明白卡）</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="91"/>
        <source>Wall sheets for the home (户内公示牌)</source>
        <translation>户内公示牌</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="92"/>
        <source>Public notice (公示名单)</source>
        <translation>公示名单</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="93"/>
        <source>Village register (村有册)</source>
        <translation>村有册（农户花名册）</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="95"/>
        <source>Document</source>
        <translation>打印内容</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="99"/>
        <source>Every household in the book</source>
        <translation>全村在册农户</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="103"/>
        <source>The highlighted household ({name})</source>
        <translation>列表中选中的这一户（{name}）</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="106"/>
        <source>The {count} households selected in the list</source>
        <translation>列表中选中的 {count} 户</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="123"/>
        <source>Households</source>
        <translation>农户范围</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="127"/>
        <source>A4 landscape</source>
        <translation>A4 横向</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="128"/>
        <source>A3 landscape</source>
        <translation>A3 横向</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="129"/>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="132"/>
        <source>Archive copy with full ID numbers</source>
        <translation>存档件：显示完整证件号码</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="139"/>
        <source>Notice</source>
        <translation>公示内容</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="145"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="148"/>
        <source>Records dated</source>
        <translation>记录日期</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="154"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="158"/>
        <source>Posted from</source>
        <translation>公示开始</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="162"/>
        <source>Hotline</source>
        <translation>监督举报电话</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="166"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="169"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="171"/>
        <source>Save as PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="173"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="211"/>
        <source>{households} households, about {pages} pages</source>
        <translation>共 {households} 户，约 {pages} 页</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="214"/>
        <source>, about {minutes} minutes to make</source>
        <translation>，生成约需 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="217"/>
        <source>, about {seconds} seconds to make</source>
        <translation>，生成约需 {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="222"/>
        <source>Full ID numbers</source>
        <translation>完整证件号码</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="223"/>
        <source>This copy shows every full ID number. Keep it in the village file: never post it, hand it out or leave it on a shared computer.</source>
        <translation>这份存档件会显示每个人的完整证件号码。请放入村档案妥善保管，不得张贴、外传或留在公用电脑上。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="273"/>
        <source>Save as PDF</source>
        <translation>保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="274"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="295"/>
        <source>The preview shows the first {shown} of the {count} households. Print… and Save as PDF… make all of them.</source>
        <translation>预览只显示 {count} 户中的前 {shown} 户。“打印…”和“保存为 PDF…”会生成全部各户。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/print_dialog.py" line="315"/>
        <source>Preparing the pages…</source>
        <translation>正在生成页面…</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../villagebook/ui/pdf_view.py" line="115"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/pdf_view.py" line="116"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ProtectFileDialog</name>
    <message>
        <location filename="../../villagebook/ui/password_dialogs.py" line="171"/>
        <source>Protect the file with a password</source>
        <translation>给文件加密码</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/password_dialogs.py" line="174"/>
        <source>This book is locked with a password, and {name} will hold what the lock protects: ID numbers, health. Give the file a password: Excel, WPS or a PDF reader asks for it when the file is opened. Tell it only to whoever should open the file.</source>
        <translation>这个账本设了密码，而 {name} 里会有密码所保护的内容：身份证号、健康状况。请给这个文件也加一个密码：用 Excel、WPS 或 PDF 阅读器打开时要输入它。只告诉需要打开这个文件的人。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/password_dialogs.py" line="183"/>
        <source>at least {count} characters</source>
        <translation>至少 {count} 个字符</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/password_dialogs.py" line="185"/>
        <source>Password of the file</source>
        <translation>文件密码</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/password_dialogs.py" line="186"/>
        <source>Once more</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/password_dialogs.py" line="191"/>
        <source>Save with the password</source>
        <translation>加密码保存</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/password_dialogs.py" line="193"/>
        <source>Save without a password</source>
        <translation>不加密码保存</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../villagebook/ui/qt_strings.py" line="11"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/qt_strings.py" line="12"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RecordTab</name>
    <message>
        <location filename="../../villagebook/ui/record_tab.py" line="168"/>
        <source>Save the household first; then its records can be added.</source>
        <translation>请先保存本户，然后才能添加这些记录。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/record_tab.py" line="188"/>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/record_tab.py" line="189"/>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/record_tab.py" line="190"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/record_tab.py" line="191"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/record_tab.py" line="192"/>
        <source>Show removed</source>
        <translation>显示已删除的</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/record_tab.py" line="308"/>
        <location filename="../../villagebook/ui/record_tab.py" line="312"/>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../villagebook/ui/backup_dialogs.py" line="35"/>
        <location filename="../../villagebook/ui/backup_dialogs.py" line="111"/>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/backup_dialogs.py" line="38"/>
        <source>Backups of this book, newest first (kept in {folder}). Restoring puts the backup in place of the book; the book as it is now is kept aside, so the restore can be undone.</source>
        <translation>本账本的备份，最新的在前（保存在 {folder}）。恢复会用备份替换账本；替换前的账本另存一份，恢复可以撤回。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/backup_dialogs.py" line="41"/>
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/backup_dialogs.py" line="41"/>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/backup_dialogs.py" line="42"/>
        <source>Last change</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/backup_dialogs.py" line="42"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/backup_dialogs.py" line="48"/>
        <source>Another backup file…</source>
        <translation>其他备份文件…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/backup_dialogs.py" line="50"/>
        <source>Restore this backup…</source>
        <translation>恢复这个备份…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/backup_dialogs.py" line="52"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/backup_dialogs.py" line="75"/>
        <source>No backups beside the book yet: choose a backup file.</source>
        <translation>账本旁还没有备份：请选择一个备份文件。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/backup_dialogs.py" line="83"/>
        <source>A backup file</source>
        <translation>备份文件</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/backup_dialogs.py" line="84"/>
        <source>Books (*.db)</source>
        <translation>账本 (*.db)</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/backup_dialogs.py" line="112"/>
        <source>Put the backup of {made} ({households} households) in place of the book? The book as it is now is kept aside first; changes made after the backup will be in that copy only.</source>
        <translation>用 {made} 的备份（{households} 户）替换当前账本吗？当前账本会先另存一份；备份之后的修改只保留在那份副本中。</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="141"/>
        <source>Save this computer&apos;s pairing file…</source>
        <translation>保存本机配对文件…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="143"/>
        <source>Pair with the township…</source>
        <translation>与乡镇配对…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="144"/>
        <source>Pair with a village or the county…</source>
        <translation>与村或县配对…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="145"/>
        <source>Pair with a township…</source>
        <translation>与乡镇配对…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="147"/>
        <source>Retire a pairing…</source>
        <translation>停用配对…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="149"/>
        <source>When the other side&apos;s computer is replaced, lost or stolen: its packages are refused from then on</source>
        <translation>对方换了电脑、电脑丢失或被盗时使用：之后它的同步包都不再导入</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="152"/>
        <source>Accept a package from a clock that ran ahead…</source>
        <translation>接受时钟快的电脑发来的包…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="161"/>
        <source>&lt;b&gt;Villages&lt;/b&gt;</source>
        <translation>&lt;b&gt;各村&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="162"/>
        <source>&lt;b&gt;Townships&lt;/b&gt;</source>
        <translation>&lt;b&gt;各乡镇&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="163"/>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="164"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="164"/>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="165"/>
        <source>Last package</source>
        <translation>最近收到</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="165"/>
        <source>Waiting for</source>
        <translation>暂存待补</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="166"/>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="166"/>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="169"/>
        <source>Counts</source>
        <translation>账账相符</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="169"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="171"/>
        <source>Export sync package…</source>
        <translation>导出同步包…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="174"/>
        <source>Import sync packages…</source>
        <translation>导入同步包…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="175"/>
        <source>Import the township&apos;s answer or corrections…</source>
        <translation>导入乡镇回执/更正…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="178"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="178"/>
        <source>From</source>
        <translation>来自</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="179"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="179"/>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="185"/>
        <location filename="../../villagebook/ui/sync_page.py" line="631"/>
        <source>Import the good packages</source>
        <translation>导入可用的包</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="190"/>
        <source>&lt;b&gt;Conflicts: the same field changed on both sides&lt;/b&gt;</source>
        <translation>&lt;b&gt;冲突：双方都修改了同一项&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="192"/>
        <location filename="../../villagebook/ui/sync_page.py" line="202"/>
        <location filename="../../villagebook/ui/sync_page.py" line="203"/>
        <source>Household</source>
        <translation>户</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="192"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="192"/>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="193"/>
        <source>This side</source>
        <translation>本方的值</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="193"/>
        <source>The other side</source>
        <translation>对方的值</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="195"/>
        <source>Keep this side&apos;s value</source>
        <translation>保留本方的值</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="197"/>
        <source>Take the other side&apos;s value</source>
        <translation>采用对方的值</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="199"/>
        <source>Type another value…</source>
        <translation>输入其他值…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="201"/>
        <source>&lt;b&gt;One person registered in two places&lt;/b&gt;</source>
        <translation>&lt;b&gt;同一人多处登记&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="202"/>
        <location filename="../../villagebook/ui/sync_page.py" line="203"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="202"/>
        <location filename="../../villagebook/ui/sync_page.py" line="203"/>
        <location filename="../../villagebook/ui/sync_page.py" line="266"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="204"/>
        <source>Found by</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="206"/>
        <source>The same person</source>
        <translation>是同一人</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="207"/>
        <source>Different people</source>
        <translation>不是同一人</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="223"/>
        <source>This computer&apos;s fingerprint</source>
        <translation>本机指纹</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="230"/>
        <source>This book&apos;s changes carry times {hours} hours ahead of this computer&apos;s clock: the clock was set ahead once. The other side keeps them until a person there accepts them; check the date and time of this computer.</source>
        <translation>本账本的修改带的时间比这台电脑的时钟快 {hours} 小时：电脑时钟曾被调快过。对方会先暂存这些修改，须由对方的人确认接受；请检查这台电脑的日期和时间。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="236"/>
        <source>Not paired yet. Save this computer&apos;s pairing file and give it to the other side; pair with theirs; read the fingerprints to each other by phone.</source>
        <translation>尚未配对。请保存本机配对文件交给对方，导入对方的配对文件，并通过电话互相核对指纹。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="241"/>
        <source>{name} ({code}): pairing retired on {day} by {who}; its packages are not imported.</source>
        <translation>{name}（{code}）：配对已于 {day} 由 {who} 停用，它的同步包不再导入。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="249"/>
        <source>Conflicts waiting: {conflicts}. Same-person findings waiting: {findings}.</source>
        <translation>待处理冲突 {conflicts} 项，待确认的同一人 {findings} 项。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="253"/>
        <source>The lists below show the first {shown}; each one decided makes room for the next.</source>
        <translation>下面的列表先显示前 {shown} 条，每处理一条就补上一条。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="267"/>
        <source>Name and birth date</source>
        <translation>姓名和出生日期</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="276"/>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="278"/>
        <source>Entered twice</source>
        <translation>重复登记</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="279"/>
        <source>another record</source>
        <translation>另一条记录</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="279"/>
        <source>this record</source>
        <translation>这一条记录</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="298"/>
        <source>has received the changes up to {day}</source>
        <translation>已收到至{day}的修改</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="300"/>
        <source>has not confirmed receiving anything yet</source>
        <translation>尚未确认收到任何修改</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="302"/>
        <source>{count} changes wait to be sent (the oldest from {day})</source>
        <translation>有 {count} 项修改待发送（最早为{day}）</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="306"/>
        <source>nothing waits to be sent</source>
        <translation>没有待发送的修改</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="308"/>
        <source>last package received {day}</source>
        <translation>最近一次收到同步包：{day}</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="312"/>
        <source>a package is kept because its computer&apos;s clock ran ahead ({file})</source>
        <translation>有一个同步包因对方电脑时钟快而暂存（{file}）</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="315"/>
        <source>a package is kept until the missing one arrives ({file})</source>
        <translation>有同步包暂存，等待缺少的包（{file}）</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="358"/>
        <source>agree</source>
        <translation>相符</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="371"/>
        <source>{file} (its computer&apos;s clock ran ahead)</source>
        <translation>{file}（对方电脑时钟快）</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="376"/>
        <source>{file} (missing {numbers})</source>
        <translation>{file}（缺第 {numbers} 号）</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="385"/>
        <source>Save the pairing file</source>
        <translation>保存配对文件</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="387"/>
        <location filename="../../villagebook/ui/sync_page.py" line="404"/>
        <source>Pairing files (*.vbpair)</source>
        <translation>配对文件 (*.vbpair)</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="393"/>
        <source>Pairing file saved</source>
        <translation>配对文件已保存</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="394"/>
        <source>Saved to {path}. Give it to the other side, and read them this fingerprint by phone: {fingerprint}</source>
        <translation>已保存到 {path}。请交给对方，并通过电话向对方念出本机指纹：{fingerprint}</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="402"/>
        <source>The other side&apos;s pairing file</source>
        <translation>对方的配对文件</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="421"/>
        <source>Paired before</source>
        <translation>已经配对过</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="422"/>
        <source>{name} ({code}) is already paired with another computer (paired on {day}). If this is its new computer, retire the old pairing: packages from the old computer are then refused.</source>
        <translation>{name}（{code}）已经与另一台电脑配对（{day} 配对）。如果这是它的新电脑，请停用旧的配对：之后旧电脑发来的同步包都不再导入。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="427"/>
        <source>Retire the old pairing</source>
        <translation>停用旧的配对</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="429"/>
        <source>Keep both</source>
        <translation>两台都保留</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="446"/>
        <source>{name} ({code}), paired on {day}</source>
        <translation>{name}（{code}），{day} 配对</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="448"/>
        <location filename="../../villagebook/ui/sync_page.py" line="454"/>
        <source>Retire a pairing</source>
        <translation>停用配对</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="449"/>
        <source>Which computer?</source>
        <translation>停用哪一台电脑？</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="455"/>
        <source>Retire the pairing with the computer of {name} ({code})? Its packages will be refused and none will be made for it: do this when that computer was replaced, lost or stolen. What it sent before stays. Pair with its new computer afterwards.</source>
        <translation>停用与 {name}（{code}）这台电脑的配对吗？之后它的同步包都不再导入，也不再为它生成同步包：在那台电脑换掉、丢失或被盗时这样做。它以前发来的数据都保留。之后请与它的新电脑配对。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="470"/>
        <source>A clock that ran ahead</source>
        <translation>电脑时钟快了</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="471"/>
        <source>The package {file} from {name} carries times ahead of this computer&apos;s clock: that computer&apos;s clock was set ahead once, and its changes keep those times. Accept it only if {name} confirms the changes are theirs. Its changes are imported as they are; this computer&apos;s clock is not moved, and a later edit here of the same entries still replaces them. Accept it?</source>
        <translation>{name}的同步包 {file} 带的时间比这台电脑的时钟快：那台电脑的时钟曾被调快过，它的修改保留了这些时间。请先与{name}确认这些修改确是他们做的再接受。接受后这些修改按原样导入；这台电脑的时钟不会跟着调快，之后在本机修改同一项时仍以本机的修改为准。接受吗？</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="502"/>
        <source>Where to save the sync package (a USB stick)</source>
        <translation>同步包保存到哪里（U盘）</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="511"/>
        <source>Sync package saved</source>
        <translation>同步包已保存</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="512"/>
        <source>Saved:
{files}

Take it to the other side; it can only be read there.</source>
        <translation>已保存：
{files}

请交给对方，只有对方的电脑能读取。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="526"/>
        <source>The folder (or USB stick) with the sync packages</source>
        <translation>同步包所在的文件夹（或U盘）</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="547"/>
        <source>Stop after this package</source>
        <translation>导完这个包后停止</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="595"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="595"/>
        <source>Imported before</source>
        <translation>此前已导入</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="596"/>
        <source>Kept: waiting for a missing package</source>
        <translation>已暂存：等待缺少的包</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="604"/>
        <source>this new book takes the township&apos;s record of {village}, with its whole history</source>
        <translation>新建的本账本接上乡镇账本中的{village}记录（含全部历史）</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="617"/>
        <source>{count} new</source>
        <translation>{count} 项新修改</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="624"/>
        <source>Numbers: {numbers}</source>
        <translation>编号：{numbers}</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="659"/>
        <source>Keep this value?</source>
        <translation>保留这个值？</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="660"/>
        <source>{record} {number}, {field}:
keep {kept}
instead of {other}?

The decision reaches every laptop with the next packages.</source>
        <translation>{record} {number}，{field}：
保留 {kept}
而不是 {other}？

这个决定随下一次同步包送到每台电脑。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="693"/>
        <source>Keep the record in {village}, household of {head} ({number})</source>
        <translation>保留{village} {head}户（{number}）的记录</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="698"/>
        <source>Which record stays?</source>
        <translation>保留哪一条记录？</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="699"/>
        <source>{name} is registered in two households. Keep the record in which one? The other household opens, to record that the person left it.</source>
        <translation>{name} 在两户中都有登记。保留哪一户的记录？将打开另一户，在那里为此人办理减少（迁出）。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="593"/>
        <location filename="../../villagebook/ui/sync_page.py" line="597"/>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="178"/>
        <source>Changes</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="533"/>
        <source>Checking the sync packages…</source>
        <translation>正在核验同步包…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="543"/>
        <source>Importing sync packages…</source>
        <translation>正在导入同步包…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="586"/>
        <source>{count} more packages in the folder are not for this computer (made here, or addressed to another one): left as they are.</source>
        <translation>文件夹中另有 {count} 个同步包不是给本机的（本机发出的，或发给别的电脑的），未动。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="590"/>
        <source>Good: will be imported</source>
        <translation>可导入</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="591"/>
        <source>Imported before: nothing new</source>
        <translation>此前已导入，没有新内容</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="592"/>
        <source>Good, but a package before it is missing: will be kept</source>
        <translation>可用，但缺少此前的包：将暂存</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="608"/>
        <source>{count} conflicts</source>
        <translation>{count} 项冲突</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="610"/>
        <source>{count} same-person findings</source>
        <translation>{count} 条疑似同一人</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="613"/>
        <source>counts disagree: {table} {sender} there, {here} here</source>
        <translation>账账不符：{table} 对方 {sender}，本账本 {here}</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="630"/>
        <source>Import the good packages ({count})</source>
        <translation>导入可用的包（{count}）</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="640"/>
        <source>Select a conflict first.</source>
        <translation>请先选中一项冲突。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="643"/>
        <source>Another value</source>
        <translation>其他值</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="644"/>
        <source>The value to keep:</source>
        <translation>要保留的值：</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/sync_page.py" line="672"/>
        <source>Select a finding first.</source>
        <translation>请先选中一条记录。</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="196"/>
        <source>Users of this book</source>
        <translation>本账本的用户</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="199"/>
        <source>Everyone who works in this book. A user who no longer works here can be stopped; their past changes keep their name.</source>
        <translation>在本账本上工作的所有人。不再工作的用户可以停用，其以往的修改仍保留其姓名。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="206"/>
        <source>Name of a new user</source>
        <translation>新用户姓名</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="210"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="215"/>
        <source>Stop / resume the selected user</source>
        <translation>停用 / 恢复选中的用户</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="231"/>
        <source>(stopped)</source>
        <translation>（已停用）</translation>
    </message>
</context>
<context>
    <name>VillageFilters</name>
    <message>
        <location filename="../../villagebook/ui/village_filters.py" line="42"/>
        <source>All townships</source>
        <translation>所有乡镇</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/village_filters.py" line="45"/>
        <source>All villages</source>
        <translation>所有村</translation>
    </message>
</context>
<context>
    <name>VillageScope</name>
    <message>
        <location filename="../../villagebook/ui/scope.py" line="50"/>
        <source>Which village</source>
        <translation>哪个村</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/scope.py" line="51"/>
        <source>The new record belongs to:</source>
        <translation>新记录属于：</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <location filename="../../villagebook/ui/visits_page.py" line="45"/>
        <source>A household out of poverty or under monitoring counts as not visited after</source>
        <translation>脱贫户、监测户超过</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/visits_page.py" line="48"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/visits_page.py" line="50"/>
        <source>Visits each helper owes a year:</source>
        <translation>未走访即列出；帮扶责任人每年应走访次数：</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/visits_page.py" line="54"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/visits_page.py" line="75"/>
        <source>&lt;b&gt;Visit log: the newest visits&lt;/b&gt;</source>
        <translation>&lt;b&gt;走访日志：最近的走访&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/visits_page.py" line="100"/>
        <source>&lt;b&gt;Not visited for more than {days} days: {count} households&lt;/b&gt;</source>
        <translation>&lt;b&gt;超过 {days} 天未走访：{count} 户&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/visits_page.py" line="105"/>
        <source>&lt;b&gt;Follow-ups due: {count}&lt;/b&gt;</source>
        <translation>&lt;b&gt;到期待跟进：{count} 条&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="45"/>
        <source>Welcome to villagebook</source>
        <translation>欢迎使用村账本</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="50"/>
        <source>&lt;h2&gt;Village record book&lt;/h2&gt;&lt;p&gt;Household files, members and every change, kept on this computer.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;村账本&lt;/h2&gt;&lt;p&gt;农户档案、家庭成员和每一次修改，都保存在这台电脑上。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="54"/>
        <source>Create a book for my village</source>
        <translation>为本村新建账本</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="55"/>
        <source>Create a township book (to merge the villages)</source>
        <translation>新建乡镇账本（汇总各村）</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="57"/>
        <source>Create a county book (to keep its townships&apos; records)</source>
        <translation>新建县级账本（保存各乡镇的记录）</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="59"/>
        <source>Open the demo village (to look around)</source>
        <translation>打开演示村（先看看）</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="60"/>
        <source>Open an existing book…</source>
        <translation>打开已有账本…</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="73"/>
        <source>Open a book</source>
        <translation>打开账本</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="74"/>
        <source>Books (*.db);;All files (*)</source>
        <translation>村账本 (*.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>WhoIsWorkingDialog</name>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="170"/>
        <source>Who is working?</source>
        <translation>谁在使用？</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="172"/>
        <source>Every change is recorded under this name.</source>
        <translation>每一次修改都会记在这个名字下。</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="177"/>
        <source>I am</source>
        <translation>我是</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="179"/>
        <source>or type a new name here</source>
        <translation>或在这里输入新用户的姓名</translation>
    </message>
    <message>
        <location filename="../../villagebook/ui/start_dialogs.py" line="180"/>
        <source>New user</source>
        <translation>新用户</translation>
    </message>
</context>
</TS>
