import { compileForm, loadFormSchema, type CompiledForm, type FormSchema } from '../../forms/index.ts';
import type { FormDefinition, UserTask, Variables, WorkflowEngine } from '../../engine/port.ts';
import { HttpProblem, problems } from '../http/problem.ts';

/**
 * Compiled validators per deployed form version. A deployed form never
 * changes, so a formKey compiles once; the same compiled form serves the
 * schema endpoint and task completion (one code path for the rules).
 */
export class FormRegistry {
  private readonly byKey = new Map<string, { definition: FormDefinition; schema: FormSchema; compiled: CompiledForm }>();

  constructor(private readonly engine: WorkflowEngine) {}

  private entry(definition: FormDefinition) {
    let e = this.byKey.get(definition.formKey);
    if (!e) {
      const schema = loadFormSchema(definition.schema);
      e = { definition, schema, compiled: compileForm(schema) };
      this.byKey.set(definition.formKey, e);
    }
    return e;
  }

  /** The latest deployed version of a form of the tenant, or a specific version. */
  async get(tenantId: string, formId: string, version?: number) {
    const def = await this.engine.getForm(tenantId, formId, version);
    return def ? this.entry(def) : undefined;
  }

  /** The exact form version that was bound to the task when it was created. */
  async forTask(task: UserTask) {
    if (!task.formId) return undefined;
    if (task.formKey) {
      const cached = this.byKey.get(task.formKey);
      if (cached) return cached;
    }
    const latest = await this.engine.getForm(task.tenantId, task.formId);
    if (!latest) return undefined;
    if (!task.formKey || latest.formKey === task.formKey) return this.entry(latest);
    for (let v = latest.version - 1; v >= 1; v--) {
      const def = await this.engine.getForm(task.tenantId, task.formId, v);
      if (def?.formKey === task.formKey) return this.entry(def);
    }
    return undefined;
  }

  /** Validates a completion payload: 422 with per-field Dutch messages, or the clean variables. */
  async validateTaskPayload(task: UserTask, payload: Variables, context: Variables): Promise<Variables> {
    if (!task.formId) {
      if (Object.keys(payload).length === 0) return {};
      throw new HttpProblem(422, 'Gegevens afgekeurd', 'Deze taak heeft geen formulier; er kunnen geen gegevens worden meegestuurd.');
    }
    const form = await this.forTask(task);
    if (!form) throw problems.internal();
    const result = form.compiled.validate(payload, context);
    if (!result.ok) {
      throw new HttpProblem(422, 'Formulier niet goed ingevuld', 'Niet alle velden zijn juist ingevuld.', result.errors);
    }
    return result.value;
  }
}
