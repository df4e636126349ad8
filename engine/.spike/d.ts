import * as elements from 'bpmn-elements';
import BpmnModdle from 'bpmn-moddle';
import serialize, { TypeResolver } from 'moddle-context-serializer';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const zeebe = require('zeebe-bpmn-moddle/resources/zeebe.json');
const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="x">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="S" />
    <bpmn:serviceTask id="Svc"><bpmn:extensionElements><zeebe:taskDefinition type="work" /><zeebe:foo/><zeebe:properties><zeebe:property name="phase" value="aanvraag"/></zeebe:properties></bpmn:extensionElements>
      <bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=items" inputElement="item" outputCollection="results" outputElement="=r" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>
    </bpmn:serviceTask>
    <bpmn:callActivity id="C"><bpmn:extensionElements><zeebe:calledElement processId="child" propagateAllChildVariables="false"/></bpmn:extensionElements></bpmn:callActivity>
    <bpmn:scriptTask id="X"/><bpmn:bogus id="Y"/>
    <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Svc" ><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">=a &gt; 1</bpmn:conditionExpression></bpmn:sequenceFlow>
  </bpmn:process>
</bpmn:definitions>`;
const moddle = new (BpmnModdle as any)({ zeebe });
const parsed = await moddle.fromXML(xml);
console.log('warnings', parsed.warnings.map((w: any) => w.message));
const svc = parsed.elementsById['Svc'];
console.log(svc.extensionElements.values.map((v: any) => v.$type), JSON.stringify(svc.loopCharacteristics));
const sc = serialize(parsed, TypeResolver(elements));
const a = sc.getActivityById('Svc');
console.log(Object.keys(a), JSON.stringify(a.behaviour.loopCharacteristics)?.slice(0, 300));
console.log(JSON.stringify(sc.getActivityById('C').behaviour).slice(0, 400));
console.log(JSON.stringify(sc.getSequenceFlows().map((f: any) => f.behaviour.conditionExpression)));
