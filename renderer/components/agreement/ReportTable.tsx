/** The agreement report as a table: every measure per code and overall, and each coder's segments. */
import type { ReliabilityMeasures } from '../../../shared/stats/reliability-report';
import type { AgreementReport as Report } from '../../store/agreement';
import { figure, percent } from './figures';

export function ReportTable({ report }: { report: Report }) {
  const two = report.coders.length === 2;
  return (
    <table className="reliability-table">
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Agreement (characters)</th>
          <th scope="col">{two ? "Cohen's κ" : "Fleiss' κ"}</th>
          <th scope="col">α nominal (characters)</th>
          <th scope="col">α_U (unitizing)</th>
          <th scope="col">{'u-α / cu-α'}</th>
          <th scope="col">Segment agreement</th>
          {report.coders.map((coder) => (
            <th scope="col" key={coder}>
              Segments: {coder}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {report.rows.map((row) => {
          const m: ReliabilityMeasures = row.measures;
          return (
            <tr key={row.codeId ?? 'overall'} className={row.codeId === null ? 'overall' : undefined} data-code-id={row.codeId ?? 'overall'}>
              <th scope="row">{row.label}</th>
              <td>{percent(m.percentAgreement, 100)}</td>
              <td>{figure(two ? m.cohenKappa : m.fleissKappa)}</td>
              <td>
                {figure(m.alphaNominal)}
                {m.alphaNominalCi ? ` [${figure(m.alphaNominalCi.lower)}, ${figure(m.alphaNominalCi.upper)}]` : ''}
              </td>
              <td>{figure(m.alphaU)}</td>
              <td>{row.codeId === null ? figure(m.cuAlpha ?? m.uAlpha, false) : figure(m.uAlpha, false)}</td>
              <td data-measure="segment-agreement">
                {percent(m.segmentAgreement.percent, 1)} ({m.segmentAgreement.agreements} of{' '}
                {m.segmentAgreement.agreements + m.segmentAgreement.disagreements})
              </td>
              {report.coders.map((coder) => (
                <td key={coder}>{m.segments[coder] ?? 0}</td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
